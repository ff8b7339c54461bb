using Azure.Data.Tables;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

public sealed partial class TableAuditLog
{
    /// <summary>The index partitions every event is copied to: what <c>GET /api/audit</c> reads.</summary>
    internal static string[] IndexPartitions(AuditEvent e) => ["all", "actor|" + e.ActorId, "target|" + e.TargetId];

    private async Task WriteIndexRowsAsync(AuditEvent e, CancellationToken cancellationToken)
    {
        var rowKey = AuditEntityMapper.IndexRowKey(e);
        await Task.WhenAll(IndexPartitions(e).Select(p =>
            Index.UpsertEntityAsync(AuditEntityMapper.ToEntity(e, p, rowKey), TableUpdateMode.Replace, cancellationToken)));
    }

    private async Task WriteIndexRowsAsync(List<AuditEvent> events, CancellationToken cancellationToken)
    {
        var rows = events.SelectMany(e => IndexPartitions(e).Select(p => AuditEntityMapper.ToEntity(e, p, AuditEntityMapper.IndexRowKey(e))));
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
