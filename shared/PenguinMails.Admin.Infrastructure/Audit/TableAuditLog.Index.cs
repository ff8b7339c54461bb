using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

public sealed partial class TableAuditLog
{
    private async Task WriteIndexRowsAsync(AuditEvent e, CancellationToken cancellationToken) =>
        await Task.WhenAll(AuditEntityMapper.IndexKeys(e).Select(k =>
            Index.UpsertEntityAsync(AuditEntityMapper.ToEntity(e, k.PartitionKey, k.RowKey), TableUpdateMode.Replace, cancellationToken)));

    /// <summary>
    /// The index rows of many events, grouped by partition into transactions of 100: the events of a bulk operation
    /// over many users share the "all" and actor partitions, and their targets share a few buckets.
    /// </summary>
    private async Task WriteIndexRowsAsync(List<AuditEvent> events, CancellationToken cancellationToken)
    {
        var rows = events.SelectMany(e => AuditEntityMapper.IndexKeys(e).Select(k => AuditEntityMapper.ToEntity(e, k.PartitionKey, k.RowKey)));
        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                // A lone row is a plain upsert: cheaper than a one-row transaction.
                if (batch.Length == 1)
                {
                    await Index.UpsertEntityAsync(batch[0], TableUpdateMode.Replace, ct);
                }
                else
                {
                    await Index.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
                }
            }
            catch (Exception e) when (TableErrors.IsWriteFailure(e, ct))
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

    /// <summary>
    /// Rewrites the index rows of every event in [from, to] from the chain, and deletes the rows an event had under
    /// an earlier index layout (one partition per target). Idempotent: run it again over the same range and nothing
    /// changes. Returns the events reindexed and the legacy rows deleted.
    /// </summary>
    public async Task<(int Events, int LegacyRowsDeleted)> RebuildIndexAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var (events, deleted) = (0, 0);
        var chunk = new List<AuditEvent>(500);
        await foreach (var e in ReadAsync(from, to, cancellationToken))
        {
            chunk.Add(e);
            if (chunk.Count == chunk.Capacity)
            {
                deleted += await ReindexAsync(chunk, cancellationToken);
                events += chunk.Count;
                chunk.Clear();
            }
        }
        deleted += await ReindexAsync(chunk, cancellationToken);
        return (events + chunk.Count, deleted);
    }

    private async Task<int> ReindexAsync(List<AuditEvent> events, CancellationToken cancellationToken)
    {
        await WriteIndexRowsAsync(events, cancellationToken);
        var deleted = 0;
        await Parallel.ForEachAsync(events.Select(AuditEntityMapper.LegacyTargetKey).OfType<(string PartitionKey, string RowKey)>(),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (key, ct) =>
            {
                // The SDK answers a missing row (never written under the old layout, or moved by an earlier run) with a 404 response.
                if ((await Index.DeleteEntityAsync(key.PartitionKey, key.RowKey, Azure.ETag.All, ct)).Status != 404)
                {
                    Interlocked.Increment(ref deleted);
                }
            });
        return deleted;
    }
}
