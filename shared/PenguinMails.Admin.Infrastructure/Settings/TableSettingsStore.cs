using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Infrastructure.Settings;

/// <summary>
/// One partition per section: a "head" row holding the current version and one row per saved version, keyed
/// newest first. A save adds the version row and moves the head in one transaction guarded by the head's ETag,
/// so versions are gap-free and two concurrent saves cannot both win.
/// </summary>
public sealed class TableSettingsStore(StorageClients storage, TablePaging paging) : ISettingsStore
{
    public const string TableName = "PlatformSettings";
    private const string HeadRowKey = "head";
    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<SettingsVersion>?> GetCurrentAsync(string section, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(section, HeadRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<SettingsVersion>(ToVersion(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<SettingsVersion?> GetVersionAsync(string section, int version, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(section, VersionRowKey(version), cancellationToken: cancellationToken);
        return row.HasValue ? ToVersion(row.Value!) : null;
    }

    public async Task AppendAsync(SettingsVersion next, string? headETag, CancellationToken cancellationToken = default)
    {
        var head = ToEntity(next, HeadRowKey);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, ToEntity(next, VersionRowKey(next.Version))),
            headETag is null ? new(TableTransactionActionType.Add, head) : new(TableTransactionActionType.UpdateReplace, head, new ETag(headETag)),
        ];
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // Another save took this version number first.
            throw AdminException.PreconditionFailed("The section was saved by someone else meanwhile; reload it and retry.");
        }
    }

    public async Task<Admin.Common.Page<SettingsVersion>> ListVersionsAsync(string section, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filter = $"PartitionKey eq '{TableKeys.Escape(section)}' and RowKey ge 'v|' and RowKey lt 'v}}'";
        var result = await paging.QueryAsync<TableEntity>(Table, filter, page, "settings-versions", cancellationToken);
        return result.Map(ToVersion);
    }

    // Inverted so that rows sort newest first.
    private static string VersionRowKey(int version) => "v|" + (int.MaxValue - version).ToString("D10", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(SettingsVersion v, string rowKey) => new(v.Section, rowKey)
    {
        ["Version"] = v.Version,
        ["Values"] = v.Values.GetRawText(),
        ["UpdatedAt"] = v.UpdatedAt,
        ["UpdatedBy"] = v.UpdatedBy,
        ["Reason"] = v.Reason,
        ["UsesDefaults"] = v.UsesDefaults,
    };

    private static SettingsVersion ToVersion(TableEntity e) => new(
        e.PartitionKey,
        e.GetInt32("Version") ?? 0,
        JsonDocument.Parse(e.GetString("Values")).RootElement.Clone(),
        e.GetDateTimeOffset("UpdatedAt"),
        e.GetString("UpdatedBy"),
        e.GetString("Reason"),
        e.GetBoolean("UsesDefaults") ?? false);
}
