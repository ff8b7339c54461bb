using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.FeatureFlags;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.FeatureFlags;

/// <summary>
/// Flags in one partition, beside a "~stamp" row that every write replaces in the same transaction: instances poll
/// that one row to learn whether their snapshot is stale. Flag keys never start with '~', so the stamp sorts last.
/// </summary>
public sealed class TableFeatureFlagStore(StorageClients storage, TablePaging paging) : IFeatureFlagStore
{
    public const string TableName = "FeatureFlags";
    private const string Partition = "flag";
    private const string StampRowKey = "~stamp";
    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<FeatureFlag>?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<FeatureFlag>(ToFlag(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<Versioned<FeatureFlag>> CreateAsync(FeatureFlag flag, CancellationToken cancellationToken = default) =>
        new(flag, await WriteAsync(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(flag)), flag.Key, cancellationToken));

    public async Task<Versioned<FeatureFlag>> UpdateAsync(FeatureFlag flag, string etag, CancellationToken cancellationToken = default) =>
        new(flag, await WriteAsync(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(flag), new ETag(etag)), flag.Key,
            cancellationToken));

    public Task DeleteAsync(string key, string etag, CancellationToken cancellationToken = default) =>
        WriteAsync(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, key), new ETag(etag)), key, cancellationToken);

    public async Task<Admin.Common.Page<FeatureFlag>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await paging.QueryAsync<TableEntity>(Table, $"PartitionKey eq '{Partition}' and RowKey lt '~'", page, "flags", cancellationToken);
        return result.Map(ToFlag);
    }

    public async Task<IReadOnlyList<FeatureFlag>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var flags = new List<FeatureFlag>();
        await foreach (var row in Table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}' and RowKey lt '~'", cancellationToken: cancellationToken))
        {
            flags.Add(ToFlag(row));
        }
        return flags;
    }

    public async Task<string?> GetChangeStampAsync(CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, StampRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Stamp") : null;
    }

    private async Task<string> WriteAsync(TableTransactionAction action, string key, CancellationToken cancellationToken)
    {
        var stamp = new TableEntity(Partition, StampRowKey) { ["Stamp"] = Guid.NewGuid().ToString("N") };
        try
        {
            var responses = await Table.SubmitTransactionAsync([action, new TableTransactionAction(TableTransactionActionType.UpsertReplace, stamp)],
                cancellationToken);
            return responses.Value[0].Headers.ETag?.ToString() ?? "";
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw AdminException.Conflict($"A feature flag with key '{key}' already exists.");
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            throw AdminException.PreconditionFailed();
        }
    }

    private static TableEntity ToEntity(FeatureFlag f) => new(Partition, f.Key)
    {
        ["Description"] = f.Description,
        ["Enabled"] = f.Enabled,
        ["RolloutPercentage"] = f.RolloutPercentage,
        ["AllowTenants"] = JsonSerializer.Serialize(f.AllowTenants),
        ["AllowUsers"] = JsonSerializer.Serialize(f.AllowUsers),
        ["DenyTenants"] = JsonSerializer.Serialize(f.DenyTenants),
        ["UpdatedAt"] = f.UpdatedAt,
    };

    private static FeatureFlag ToFlag(TableEntity e) => new(
        e.RowKey,
        e.GetString("Description") ?? "",
        e.GetBoolean("Enabled") ?? false,
        e.GetInt32("RolloutPercentage") ?? 0,
        JsonSerializer.Deserialize<List<string>>(e.GetString("AllowTenants")) ?? [],
        JsonSerializer.Deserialize<List<string>>(e.GetString("AllowUsers")) ?? [],
        JsonSerializer.Deserialize<List<string>>(e.GetString("DenyTenants")) ?? [],
        e.GetDateTimeOffset("UpdatedAt")!.Value);
}
