using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.DataProtection;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>
/// The settings section in one partition: a <c>head</c> row with the version in force, and one immutable row per
/// version keyed newest first. Each save writes both in one transaction guarded by the head's ETag.
/// </summary>
public sealed class TableDataProtectionSettingsStore(StorageClients storage, TablePaging paging) : IDataProtectionSettingsStore
{
    public const string TableName = "DataProtectionSettings";
    private const string Partition = "data-protection";
    private const string HeadRowKey = "head";
    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<DataProtectionSettingsVersion>?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var head = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, HeadRowKey, cancellationToken: cancellationToken);
        return head.HasValue ? new Versioned<DataProtectionSettingsVersion>(ToVersion(head.Value!), head.Value!.ETag.ToString()) : null;
    }

    public async Task<DataProtectionSettingsVersion?> GetVersionAsync(int version, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, VersionRowKey(version), cancellationToken: cancellationToken);
        return row.HasValue ? ToVersion(row.Value!) : null;
    }

    public async Task<Page<DataProtectionSettingsVersion>> ListVersionsAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        (await paging.QueryAsync<TableEntity>(Table, $"PartitionKey eq '{Partition}' and RowKey ge 'v' and RowKey lt 'w'", page, "data-protection-versions",
            cancellationToken)).Map(ToVersion);

    public async Task<Versioned<DataProtectionSettingsVersion>> AppendAsync(DataProtectionSettingsVersion next, string? expectedETag,
        CancellationToken cancellationToken = default)
    {
        var head = ToEntity(next, HeadRowKey);
        var headAction = expectedETag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, head)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, new Azure.ETag(expectedETag));
        try
        {
            var response = await Table.SubmitTransactionAsync([headAction,
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(next, VersionRowKey(next.Version)))], cancellationToken);
            return new Versioned<DataProtectionSettingsVersion>(next, response.Value[0].Headers.ETag?.ToString()
                ?? (await GetCurrentAsync(cancellationToken))!.ETag);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw AdminException.PreconditionFailed("The settings changed since you read them; reload and retry.");
        }
    }

    private static string VersionRowKey(int version) => "v" + (int.MaxValue - version).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(DataProtectionSettingsVersion v, string rowKey) => new(Partition, rowKey)
    {
        ["Version"] = v.Version,
        ["Sessions"] = v.RetentionDays.Sessions,
        ["Audit"] = v.RetentionDays.Audit,
        ["Reports"] = v.RetentionDays.Reports,
        ["WebhookPayloads"] = v.RetentionDays.WebhookPayloads,
        ["UpdatedAt"] = v.UpdatedAt,
        ["UpdatedBy"] = v.UpdatedBy,
        ["Reason"] = v.Reason,
        ["RolledBackFrom"] = v.RolledBackFrom,
    };

    private static DataProtectionSettingsVersion ToVersion(TableEntity e) => new(
        e.GetInt32("Version") ?? 0,
        new RetentionDays(e.GetInt32("Sessions") ?? 0, e.GetInt32("Audit") ?? 0, e.GetInt32("Reports") ?? 0, e.GetInt32("WebhookPayloads") ?? 0),
        e.GetDateTimeOffset("UpdatedAt") ?? default, e.GetString("UpdatedBy") ?? "", e.GetString("Reason"), e.GetInt32("RolledBackFrom"));
}
