using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring.Series;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Queue samples: partition = the minute (yyyyMMddHHmm), row = the queue. Any instance may write a minute's row (a
/// queue looks the same from each), so the later sample of a minute replaces the earlier; a range is one query.
/// </summary>
public sealed class TableQueueSampleStore(StorageClients storage) : IQueueSampleStore
{
    public const string TableName = "MonitoringQueueMinutes";
    private TableClient Table => storage.Table(TableName);

    public Task WriteAsync(IReadOnlyCollection<QueueSample> samples, CancellationToken cancellationToken = default) =>
        TableBatches.SubmitAsync(Table, samples.Select(s => new TableEntity(MonitoringKeys.Minute(s.Minute), MonitoringKeys.Safe(s.Queue))
        {
            ["Queue"] = s.Queue,
            ["Depth"] = s.Depth,
            ["OldestAgeSeconds"] = s.OldestAgeSeconds,
            ["PoisonCount"] = s.PoisonCount,
        }), TableTransactionActionType.UpsertReplace, cancellationToken);

    public async IAsyncEnumerable<QueueSample> ReadAsync(DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {MonitoringKeys.Minute(from)} and PartitionKey le {MonitoringKeys.Minute(to)}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new QueueSample(MonitoringKeys.ParseMinute(entity.PartitionKey), entity.GetString("Queue") ?? entity.RowKey,
                entity.GetInt64("Depth") ?? 0, entity.GetDouble("OldestAgeSeconds"), entity.GetInt64("PoisonCount") ?? 0);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        TableBatches.DeleteAsync(Table, TableClient.CreateQueryFilter($"PartitionKey lt {MonitoringKeys.Minute(before)}"), cancellationToken);
}
