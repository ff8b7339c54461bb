using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Audit;

public sealed partial class TableAuditLog
{
    public async Task<Page<AuditEvent>> QueryAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var partitionFilter = query switch
        {
            { ActorId: { } actor } => $"PartitionKey eq '{Escape("actor|" + actor)}'",
            { TargetId: { } target } => AuditEntityMapper.TargetFilter(target, Escape),
            _ => "PartitionKey eq 'all'",
        };
        var filters = new List<string> { partitionFilter };
        if (query.ActorId is not null && query.TargetId is not null)
        {
            filters.Add($"TargetId eq '{Escape(query.TargetId)}'");
        }
        if (query.Action is not null)
        {
            filters.Add($"Action eq '{Escape(query.Action)}'");
        }
        if (query.From is { } from)
        {
            filters.Add($"Time ge datetime'{from.UtcDateTime:O}'");
        }
        if (query.To is { } to)
        {
            filters.Add($"Time le datetime'{to.UtcDateTime:O}'");
        }
        var result = await paging.QueryAsync<TableEntity>(Index, string.Join(" and ", filters), page, "audit", cancellationToken);
        return result.Map(AuditEntityMapper.ToEvent);
    }

    /// <summary>Day by day: the legacy chain of the day, then every lane's segments of that day, merged by time.</summary>
    public async IAsyncEnumerable<AuditEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lanes = await AuditChainReader.LanesAsync(Chain, cancellationToken);
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime; day = day.AddDays(1))
        {
            var dayStart = new DateTimeOffset(day, TimeSpan.Zero);
            var events = await AuditChainReader.LegacyDayAsync(Chain, AuditChainReader.LegacyPartition(dayStart), cancellationToken);
            foreach (var lane in lanes)
            {
                events.AddRange(await AuditChainReader.LaneEventsAsync(Chain, lane, AuditLanes.Hour(dayStart), AuditLanes.Hour(dayStart.AddHours(23)),
                    cancellationToken));
            }
            foreach (var e in events.Where(e => e.Time >= from && e.Time <= to)
                         .OrderBy(e => e.Time).ThenBy(e => e.Partition, StringComparer.Ordinal).ThenBy(e => e.Sequence))
            {
                yield return e;
            }
        }
    }

    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
