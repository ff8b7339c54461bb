using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Open alert conditions in one partition. Claims are an insert (409 means another instance has it) or an
/// ETag-guarded update once the renotify interval passed (412 means another instance renotified first).
/// </summary>
public sealed class TableAlertConditionStore(StorageClients storage) : IAlertConditionStore
{
    public const string TableName = "MonitoringAlertConditions";
    private const string Partition = "open";
    private TableClient Table => storage.Table(TableName);

    public async Task<bool> TryClaimAsync(string key, DateTimeOffset now, TimeSpan renotifyAfter, CancellationToken cancellationToken = default)
    {
        var rowKey = MonitoringKeys.Safe(key);
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
        try
        {
            if (!existing.HasValue)
            {
                await Table.AddEntityAsync(new TableEntity(Partition, rowKey) { ["Key"] = key, ["OpenedAt"] = now, ["NotifiedAt"] = now }, cancellationToken);
                return true;
            }
            var row = existing.Value!;
            if (row.GetDateTimeOffset("NotifiedAt") is { } notified && now - notified < renotifyAfter)
            {
                return false;
            }
            row["NotifiedAt"] = now;
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"),
                           cancellationToken: cancellationToken))
        {
            keys.Add(row.GetString("Key") ?? row.RowKey);
        }
        return keys;
    }

    public async Task CloseAsync(string key, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(Partition, MonitoringKeys.Safe(key), ETag.All, cancellationToken);
}
