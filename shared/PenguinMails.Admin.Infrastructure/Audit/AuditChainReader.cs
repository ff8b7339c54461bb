using Azure.Data.Tables;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>Reads the chain table: lanes, their events and seals, and the legacy per-day chains.</summary>
internal static class AuditChainReader
{
    public static async Task<List<string>> LanesAsync(TableClient chain, CancellationToken cancellationToken)
    {
        var lanes = new List<string>();
        var filter = $"PartitionKey ge '{AuditLanes.LanePrefix}' and PartitionKey lt 'lane.' and RowKey eq '{AuditLanes.HeadRowKey}'";
        await foreach (var head in chain.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            lanes.Add(head.PartitionKey);
        }
        return lanes;
    }

    public static async Task<TableEntity?> HeadAsync(TableClient chain, string partition, CancellationToken cancellationToken)
    {
        var head = await chain.GetEntityIfExistsAsync<TableEntity>(partition, AuditLanes.HeadRowKey, cancellationToken: cancellationToken);
        return head.HasValue ? head.Value : null;
    }

    /// <summary>A lane's events of the hours in [fromHour, toHour], oldest first (row-key order, not the stored sequence).</summary>
    public static async Task<List<AuditEvent>> LaneEventsAsync(TableClient chain, string lane, string fromHour, string toHour, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in chain.QueryAsync<TableEntity>($"PartitionKey eq '{lane}' and {AuditLanes.EventRange(fromHour, toHour)}",
                           cancellationToken: cancellationToken))
        {
            events.Add(AuditEntityMapper.ToEvent(row));
        }
        return events;
    }

    /// <summary>A lane's seals of the hours in [fromHour, toHour], by hour.</summary>
    public static async Task<Dictionary<string, AuditSealRow>> SealsAsync(TableClient chain, string lane, string fromHour, string toHour,
        CancellationToken cancellationToken)
    {
        var seals = new Dictionary<string, AuditSealRow>(StringComparer.Ordinal);
        await foreach (var row in chain.QueryAsync<TableEntity>($"PartitionKey eq '{lane}' and {AuditLanes.SealRange(fromHour, toHour)}",
                           cancellationToken: cancellationToken))
        {
            var seal = AuditSealRow.From(row);
            seals[seal.Hour] = seal;
        }
        return seals;
    }

    /// <summary>The newest seal of a lane before <paramref name="hour"/>: the segment a range's first segment must continue.</summary>
    public static async Task<AuditSealRow?> SealBeforeAsync(TableClient chain, string lane, string hour, CancellationToken cancellationToken)
    {
        AuditSealRow? last = null;
        var filter = $"PartitionKey eq '{lane}' and RowKey ge '{AuditLanes.SealPrefix}' and RowKey lt '{AuditLanes.SealRowKey(hour)}'";
        await foreach (var row in chain.QueryAsync<TableEntity>(filter, select: ["RowKey", "LastSequence", "LastHash", "Count", "Next", "Archive"],
                           cancellationToken: cancellationToken))
        {
            last = AuditSealRow.From(row);
        }
        return last;
    }

    public static string LegacyPartition(DateTimeOffset day) => day.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A legacy day chain's events, oldest first (its row keys are inverted sequences).</summary>
    public static async Task<List<AuditEvent>> LegacyDayAsync(TableClient chain, string partition, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in chain.QueryAsync<TableEntity>($"PartitionKey eq '{partition}' and RowKey ne '{AuditLanes.HeadRowKey}'",
                           cancellationToken: cancellationToken))
        {
            events.Add(AuditEntityMapper.ToEvent(row));
        }
        events.Reverse();
        return events;
    }
}
