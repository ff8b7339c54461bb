using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// The audit log on Azure Tables, sharded over writer lanes (<see cref="AuditLanes"/>). An append takes a lane that
/// no other append in this process holds, and writes its events with the lane's head in one entity-group
/// transaction guarded by the head's ETag, so each lane is gap-free and concurrent writers don't wait on one row.
/// Writers in other instances that pick the same lane collide on the ETag and retry. Actor and target index rows
/// make filtered queries single-partition reads.
/// </summary>
public sealed partial class TableAuditLog(StorageClients storage, TablePaging paging, TimeProvider time, AuditOptions options, AuditVerifier verifier)
    : IAuditLog
{
    public const string ChainTable = "AuditLog";
    public const string IndexTable = "AuditIndex";

    // A transaction holds at most 100 entities: the events, the head and, when the hour turns, the old segment's seal.
    private const int EventsPerTransaction = 98;
    private readonly LaneLocks _lanes = new(Math.Clamp(options.Lanes, 1, 64));
    private TableClient Chain => storage.Table(ChainTable);
    private TableClient Index => storage.Table(IndexTable);

    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var e = (await ChainInLaneAsync([entry], cancellationToken))[0];
        try
        {
            await WriteIndexRowsAsync(e, cancellationToken);
        }
        catch (Exception ex) when (TableErrors.IsWriteFailure(ex, cancellationToken))
        {
            // The event is safely chained; its index rows are derived data, so a queue retries them.
            await storage.Queue(AuditIndexQueue.Name).SendMessageAsync(AuditIndexQueue.Serialize(e.Partition, e.Sequence), CancellationToken.None);
        }
        return e;
    }

    private async Task<List<AuditEvent>> ChainInLaneAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var lane = await _lanes.AcquireAsync(cancellationToken);
        try
        {
            return await ChainAsync(AuditLanes.Lane(lane), entries, cancellationToken);
        }
        finally
        {
            _lanes.Release(lane);
        }
    }

    /// <summary>
    /// Chains <paramref name="entries"/> in <paramref name="lane"/>: a writer in another instance that moved the lane's
    /// head first fails the transaction, and the append re-reads the head (bounded; 409 if it never gets through).
    /// </summary>
    private Task<List<AuditEvent>> ChainAsync(string lane, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RetryAsync(ct => TryChainAsync(lane, entries, ct), e => e is TableTransactionFailedException { Status: 409 or 412 },
            "Other instances kept appending to this audit lane; nothing was written. Retry.", cancellationToken);

    private async Task<List<AuditEvent>> TryChainAsync(string lane, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var head = await Chain.GetEntityIfExistsAsync<TableEntity>(lane, AuditLanes.HeadRowKey, cancellationToken: cancellationToken);
        var headHour = head.HasValue ? head.Value!.GetString("Hour") : null;
        // A lane never goes back in time: an instance whose clock is behind appends to the lane's current hour.
        var hour = headHour is not null && string.CompareOrdinal(AuditLanes.Hour(now), headHour) < 0 ? headHour : AuditLanes.Hour(now);
        var rollsOver = headHour is not null && headHour != hour;
        var sequence = headHour == hour ? head.Value!.GetInt64("Sequence") ?? 0 : 0;
        // The chain continues across segments: a new hour starts from the previous segment's final hash.
        var previous = head.HasValue ? head.Value!.GetString("Hash") : AuditChain.Genesis;
        var segment = AuditLanes.Segment(hour, lane);
        var actions = new List<TableTransactionAction>(entries.Count + 2);
        if (rollsOver)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, AuditSealRow.Create(lane, headHour!, head.Value!, hour)));
        }
        var events = new List<AuditEvent>(entries.Count);
        foreach (var entry in entries)
        {
            sequence++;
            var draft = new AuditEvent(Guid.NewGuid().ToString("N"), segment, sequence, now, entry.Actor.Id, entry.Actor.Email, entry.Action,
                entry.TargetType, entry.TargetId, entry.Before, entry.After, entry.Reason, entry.Outcome, entry.Actor.IpAddress,
                entry.Actor.UserAgent, entry.Actor.CorrelationId, previous, "");
            var e = draft with { Hash = AuditChain.ComputeHash(draft) };
            events.Add(e);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, AuditEntityMapper.ToEntity(e, lane, AuditLanes.EventRowKey(hour, sequence))));
            previous = e.Hash;
        }
        var newHead = new TableEntity(lane, AuditLanes.HeadRowKey) { ["Hour"] = hour, ["Sequence"] = sequence, ["Hash"] = previous };
        actions.Add(head.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, newHead));
        await Chain.SubmitTransactionAsync(actions, cancellationToken);
        if (rollsOver)
        {
            await AuditDigestQueue.NotifySegmentClosedAsync(storage, AuditLanes.Segment(headHour!, lane));
        }
        return events;
    }

    public async Task<IReadOnlyList<AuditEvent>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var appended = new List<AuditEvent>(entries.Count);
        foreach (var chunk in entries.Chunk(EventsPerTransaction))
        {
            appended.AddRange(await ChainInLaneAsync(chunk, cancellationToken));
        }
        // The chain is written (and in order); the index rows of all chunks then go out together, in parallel.
        await WriteIndexRowsAsync(appended, cancellationToken);
        return appended;
    }

    public Task<AuditVerification> VerifyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        verifier.VerifyAsync(from, to, cancellationToken);

    /// <summary>Rewrites the index rows of one chained event; false when the event does not exist.</summary>
    public async Task<bool> RebuildIndexAsync(string partition, long sequence, CancellationToken cancellationToken = default)
    {
        var (partitionKey, rowKey) = AuditEntityMapper.ChainKeys(partition, sequence);
        var row = await Chain.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        await WriteIndexRowsAsync(AuditEntityMapper.ToEvent(row.Value!), cancellationToken);
        return true;
    }
}
