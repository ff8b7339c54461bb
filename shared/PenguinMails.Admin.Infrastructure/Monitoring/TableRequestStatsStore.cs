using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Per-minute request rows: partition = the minute (yyyyMMddHHmm), row = function|instance. Each instance replaces
/// only its own rows, so writes never contend, and a window is one partition-range query.
/// </summary>
public sealed class TableRequestStatsStore(StorageClients storage) : IRequestStatsStore
{
    public const string TableName = "MonitoringRequestMinutes";
    private TableClient Table => storage.Table(TableName);

    public Task WriteAsync(IReadOnlyCollection<RequestMinute> minutes, CancellationToken cancellationToken = default) =>
        TableBatches.SubmitAsync(Table, minutes.Select(ToEntity), TableTransactionActionType.UpsertReplace, cancellationToken);

    public IAsyncEnumerable<RequestMinute> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey ge {MonitoringKeys.Minute(from)} and PartitionKey le {MonitoringKeys.Minute(to)}"),
            cancellationToken);

    public IAsyncEnumerable<RequestMinute> ReadFunctionAsync(string function, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter(
            $"PartitionKey ge {MonitoringKeys.Minute(from)} and PartitionKey le {MonitoringKeys.Minute(to)} and Function eq {function}"), cancellationToken);

    private async IAsyncEnumerable<RequestMinute> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (LatencyHistogram.TryParse(entity.GetString("Latency")) is { } latency)
            {
                yield return new RequestMinute(MonitoringKeys.ParseMinute(entity.PartitionKey), entity.GetString("Function") ?? "",
                    entity.GetString("Instance") ?? "", entity.GetInt64("Requests") ?? 0, entity.GetInt64("ClientErrors") ?? 0,
                    entity.GetInt64("ServerErrors") ?? 0, latency);
            }
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        TableBatches.DeleteAsync(Table, TableClient.CreateQueryFilter($"PartitionKey lt {MonitoringKeys.Minute(before)}"), cancellationToken);

    private static TableEntity ToEntity(RequestMinute row) => new(MonitoringKeys.Minute(row.Minute), MonitoringKeys.Safe(row.Function + "|" + row.Instance))
    {
        ["Function"] = row.Function,
        ["Instance"] = row.Instance,
        ["Requests"] = row.Requests,
        ["ClientErrors"] = row.ClientErrors,
        ["ServerErrors"] = row.ServerErrors,
        ["Latency"] = row.Latency.Serialize(),
    };
}
