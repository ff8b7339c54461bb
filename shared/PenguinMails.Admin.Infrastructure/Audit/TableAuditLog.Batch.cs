using Azure.Data.Tables;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

public sealed partial class TableAuditLog
{
    // A transaction holds at most 100 entities: 99 events and the chain head.
    private const int EventsPerTransaction = 99;

    public async Task<IReadOnlyList<AuditEvent>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var appended = new List<AuditEvent>(entries.Count);
        ChainHead? head = null;
        foreach (var chunk in entries.Chunk(EventsPerTransaction))
        {
            List<AuditEvent> events;
            (events, head) = await AppendChunkAsync(chunk, head, cancellationToken);
            appended.AddRange(events);
        }
        // The chain is written (and in order); the index rows of all chunks then go out together, in parallel.
        await WriteIndexRowsAsync(appended, cancellationToken);
        return appended;
    }

    /// <summary>The head as this process last wrote it, so the next chunk need not read it again (a stale one just fails its ETag).</summary>
    private sealed record ChainHead(string Partition, long Sequence, string Hash, Azure.ETag ETag);

    private async Task<(List<AuditEvent> Events, ChainHead? Head)> AppendChunkAsync(AuditEntry[] chunk, ChainHead? known, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            var partition = PartitionOf(now);
            var head = known?.Partition == partition ? known : await ReadHeadAsync(partition, cancellationToken);
            known = null;
            var sequence = head?.Sequence ?? 0;
            var previous = head?.Hash ?? AuditChain.Genesis;
            var events = new List<AuditEvent>(chunk.Length);
            foreach (var entry in chunk)
            {
                sequence++;
                var draft = new AuditEvent(Guid.NewGuid().ToString("N"), partition, sequence, now, entry.Actor.Id, entry.Actor.Email, entry.Action,
                    entry.TargetType, entry.TargetId, entry.Before, entry.After, entry.Reason, entry.Outcome, entry.Actor.IpAddress,
                    entry.Actor.UserAgent, entry.Actor.CorrelationId, previous, "");
                var e = draft with { Hash = AuditChain.ComputeHash(draft) };
                events.Add(e);
                previous = e.Hash;
            }
            var actions = events.Select(e => new TableTransactionAction(TableTransactionActionType.Add,
                AuditEntityMapper.ToEntity(e, partition, AuditEntityMapper.ChainRowKey(e.Sequence)))).ToList();
            var newHead = new TableEntity(partition, HeadRowKey) { ["Sequence"] = sequence, ["Hash"] = previous };
            actions.Add(head is not null
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, newHead));
            try
            {
                var response = await Chain.SubmitTransactionAsync(actions, cancellationToken);
                var etag = response.Value[^1].Headers.ETag;
                // Without the head's new ETag the next chunk reads it, rather than risk an unconditional write.
                return (events, etag is { } tag ? new ChainHead(partition, sequence, previous, tag) : null);
            }
            catch (TableTransactionFailedException) when (attempt < 20)
            {
                // Another writer moved the head; re-read it and chain after its events.
            }
        }
    }

    private async Task<ChainHead?> ReadHeadAsync(string partition, CancellationToken cancellationToken)
    {
        var head = await Chain.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken);
        return head.HasValue ? new ChainHead(partition, head.Value!.GetInt64("Sequence") ?? 0, head.Value!.GetString("Hash"), head.Value!.ETag) : null;
    }

    private async Task WriteIndexRowsAsync(List<AuditEvent> events, CancellationToken cancellationToken)
    {
        var rows = events.SelectMany(e => new[]
        {
            AuditEntityMapper.ToEntity(e, "all", AuditEntityMapper.IndexRowKey(e)),
            AuditEntityMapper.ToEntity(e, "actor|" + e.ActorId, AuditEntityMapper.IndexRowKey(e)),
            AuditEntityMapper.ToEntity(e, AuditEntityMapper.TargetPartition(e.TargetId), AuditEntityMapper.TargetRowKey(e)),
        });
        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                // A lone row (each target's index partition) is a plain upsert: cheaper than a one-row transaction.
                if (batch.Length == 1)
                {
                    await Index.UpsertEntityAsync(batch[0], TableUpdateMode.Replace, ct);
                }
                else
                {
                    await Index.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
                }
            }
            catch (Azure.RequestFailedException)
            {
                // The events are safely chained; their index rows are derived data, so the queue retries them.
                foreach (var row in batch)
                {
                    var message = AuditIndexQueue.Serialize(row.GetString("ChainPartition"), row.GetInt64("Sequence") ?? 0);
                    await storage.Queue(AuditIndexQueue.Name).SendMessageAsync(message, CancellationToken.None);
                }
            }
        });
    }
}
