using Azure;
using Azure.Data.Tables;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>Writes and deletes entities in table transactions: one per partition and at most 100 entities each.</summary>
internal static class TableBatches
{
    private const int MaxBatch = 100;

    public static async Task SubmitAsync(TableClient table, IEnumerable<ITableEntity> entities, TableTransactionActionType action,
        CancellationToken cancellationToken)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(action, e, ETag.All)), cancellationToken);
            }
        }
    }

    /// <summary>Deletes every entity the filter matches; returns how many.</summary>
    public static async Task<int> DeleteAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var keys = new List<ITableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity);
        }
        await SubmitAsync(table, keys, TableTransactionActionType.Delete, cancellationToken);
        return keys.Count;
    }
}
