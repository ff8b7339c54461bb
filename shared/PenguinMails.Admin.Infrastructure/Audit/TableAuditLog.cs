using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// The audit log on Azure Tables. One chain per UTC day: the event row and the chain's head row are written
/// in one entity-group transaction guarded by the head's ETag, so appends are serialized and gap-free.
/// Actor and target index rows make filtered queries single-partition reads.
/// </summary>
public sealed partial class TableAuditLog(StorageClients storage, TablePaging paging, TimeProvider time) : IAuditLog
{
    public const string ChainTable = "AuditLog";
    public const string IndexTable = "AuditIndex";
    private const string HeadRowKey = "head";
    private TableClient Chain => storage.Table(ChainTable);
    private readonly SemaphoreSlim _chainLock = new(1, 1);
    private TableClient Index => storage.Table(IndexTable);

    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        // One append at a time per process: the head admits one append per round trip anyway, and waiting here
        // instead of colliding on its ETag keeps throughput up when many workflow steps audit at once. Writers in
        // other instances still collide, and retry.
        await _chainLock.WaitAsync(cancellationToken);
        AuditEvent e;
        try
        {
            e = await ChainAsync(entry, cancellationToken);
        }
        finally
        {
            _chainLock.Release();
        }
        try
        {
            await WriteIndexRowsAsync(e, cancellationToken);
        }
        catch (Azure.RequestFailedException)
        {
            // The event is safely chained; its index rows are derived data, so a queue retries them.
            await storage.Queue(AuditIndexQueue.Name).SendMessageAsync(AuditIndexQueue.Serialize(e.Partition, e.Sequence), CancellationToken.None);
        }
        return e;
    }

    private async Task<AuditEvent> ChainAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            var partition = PartitionOf(now);
            var head = await Chain.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken);
            var sequence = (head.HasValue ? head.Value!.GetInt64("Sequence") ?? 0 : 0) + 1;
            var previous = head.HasValue ? head.Value!.GetString("Hash") : AuditChain.Genesis;
            var draft = new AuditEvent(Guid.NewGuid().ToString("N"), partition, sequence, now, entry.Actor.Id, entry.Actor.Email, entry.Action,
                entry.TargetType, entry.TargetId, entry.Before, entry.After, entry.Reason, entry.Outcome, entry.Actor.IpAddress,
                entry.Actor.UserAgent, entry.Actor.CorrelationId, previous, "");
            var e = draft with { Hash = AuditChain.ComputeHash(draft) };
            var newHead = new TableEntity(partition, HeadRowKey) { ["Sequence"] = sequence, ["Hash"] = e.Hash };
            var headAction = head.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, newHead);
            try
            {
                await Chain.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, AuditEntityMapper.ToEntity(e, partition, AuditEntityMapper.ChainRowKey(sequence))), headAction],
                    cancellationToken);
                return e;
            }
            catch (TableTransactionFailedException) when (attempt < 50)
            {
                // Another instance took this sequence number: back off a little, with jitter, and re-read the head.
                await Task.Delay(Random.Shared.Next(1, 10 + 10 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    public async Task<Page<AuditEvent>> QueryAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var (table, partitionFilter) = query switch
        {
            { ActorId: { } actor } => (Index, $"PartitionKey eq '{Escape("actor|" + actor)}'"),
            { TargetId: { } target } => (Index, AuditEntityMapper.TargetFilter(target, Escape)),
            _ => (Index, "PartitionKey eq 'all'"),
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
        var result = await paging.QueryAsync<TableEntity>(table, string.Join(" and ", filters), page, "audit", cancellationToken);
        return result.Map(AuditEntityMapper.ToEvent);
    }

    public async IAsyncEnumerable<AuditEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var partition in PartitionsBetween(from, to))
        {
            var events = await ReadPartitionAsync(partition, cancellationToken);
            foreach (var e in events.Where(e => e.Time >= from && e.Time <= to))
            {
                yield return e;
            }
        }
    }

    public async Task<AuditVerification> VerifyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var checkedCount = 0;
        foreach (var partition in PartitionsBetween(from, to))
        {
            var events = await ReadPartitionAsync(partition, cancellationToken);
            checkedCount += events.Count;
            var broken = AuditChain.FindFirstBroken(events);
            if (broken is null)
            {
                // A removed tail leaves an intact chain, so the head must agree with the last event.
                var head = await Chain.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken);
                var last = events.LastOrDefault();
                var headSequence = head.HasValue ? head.Value!.GetInt64("Sequence") ?? 0 : 0;
                if (headSequence != (last?.Sequence ?? 0) || (last is not null && head.Value!.GetString("Hash") != last.Hash))
                {
                    broken = last?.Id ?? $"{partition}:head";
                }
            }
            if (broken is not null)
            {
                return new AuditVerification(false, checkedCount, broken);
            }
        }
        return new AuditVerification(true, checkedCount, null);
    }

    /// <summary>Rewrites the index rows of one chained event; false when the event does not exist.</summary>
    public async Task<bool> RebuildIndexAsync(string partition, long sequence, CancellationToken cancellationToken = default)
    {
        var row = await Chain.GetEntityIfExistsAsync<TableEntity>(partition, AuditEntityMapper.ChainRowKey(sequence), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        await WriteIndexRowsAsync(AuditEntityMapper.ToEvent(row.Value!), cancellationToken);
        return true;
    }

    private async Task<List<AuditEvent>> ReadPartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in Chain.QueryAsync<TableEntity>($"PartitionKey eq '{partition}' and RowKey ne '{HeadRowKey}'", cancellationToken: cancellationToken))
        {
            events.Add(AuditEntityMapper.ToEvent(row));
        }
        // Rows sort newest first; the chain is verified oldest first, in row-key order (not by the stored sequence).
        events.Reverse();
        return events;
    }

    private async Task WriteIndexRowsAsync(AuditEvent e, CancellationToken cancellationToken)
    {
        var rowKey = AuditEntityMapper.IndexRowKey(e);
        await Task.WhenAll(
            Index.UpsertEntityAsync(AuditEntityMapper.ToEntity(e, "all", rowKey), TableUpdateMode.Replace, cancellationToken),
            Index.UpsertEntityAsync(AuditEntityMapper.ToEntity(e, "actor|" + e.ActorId, rowKey), TableUpdateMode.Replace, cancellationToken),
            Index.UpsertEntityAsync(AuditEntityMapper.ToEntity(e, AuditEntityMapper.TargetPartition(e.TargetId), AuditEntityMapper.TargetRowKey(e)),
                TableUpdateMode.Replace, cancellationToken));
    }

    private static string PartitionOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> PartitionsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
        {
            yield return PartitionOf(day);
        }
    }

    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
