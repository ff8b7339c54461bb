using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Alerts;

/// <summary>
/// Alerts in one partition, keyed by inverted creation time then id: the list is newest first, time ranges are key
/// ranges, and an alert's key is fixed by its id and the time of the activity that triggered it, so inserts are idempotent.
/// </summary>
public sealed class TableAlertStore(StorageClients storage, TablePaging paging) : IAlertStore
{
    public const string TableName = "SecurityAlerts";
    private const string Partition = "alert";
    private TableClient Table => storage.Table(TableName);

    public async Task<(Versioned<SecurityAlert> Stored, bool Added)> AddIfAbsentAsync(SecurityAlert alert, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(alert), cancellationToken);
            return (new Versioned<SecurityAlert>(alert, response.Headers.ETag.ToString()!), true);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            var stored = await GetAsync(alert.Id, alert.CreatedAt, cancellationToken)
                ?? throw new InvalidOperationException($"Alert {alert.Id} exists but could not be read.");
            return (stored, false);
        }
    }

    public async Task<string> UpdateAsync(SecurityAlert alert, string etag, CancellationToken cancellationToken = default)
    {
        var response = await TableErrors.GuardAsync(() => Table.UpdateEntityAsync(ToEntity(alert), new Azure.ETag(etag), TableUpdateMode.Replace, cancellationToken));
        return response.Headers.ETag.ToString()!;
    }

    public async Task<Versioned<SecurityAlert>?> GetAsync(string id, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(createdAt, id), cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<SecurityAlert>(ToAlert(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<Page<SecurityAlert>> ListAsync(AlertQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filters = new List<string> { Range(query.From ?? DateTimeOffset.MinValue, query.To ?? DateTimeOffset.MaxValue) };
        if (query.Type is not null)
        {
            filters.Add($"Type eq '{query.Type.Replace("'", "''", StringComparison.Ordinal)}'");
        }
        if (query.Severity is { } severity)
        {
            filters.Add($"Severity eq '{severity}'");
        }
        var result = await paging.QueryAsync<TableEntity>(Table, string.Join(" and ", filters), page, "alerts", cancellationToken);
        return result.Map(ToAlert);
    }

    public async IAsyncEnumerable<SecurityAlert> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(Range(from, to), cancellationToken: cancellationToken))
        {
            yield return ToAlert(row);
        }
    }

    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        $"PartitionKey eq '{Partition}' and RowKey ge '{Inverted(to)}' and RowKey lt '{Inverted(from)}.'";

    private static string Inverted(DateTimeOffset time) => (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static string RowKey(DateTimeOffset createdAt, string id) => Inverted(createdAt) + "-" + id;

    private static TableEntity ToEntity(SecurityAlert a) => new(Partition, RowKey(a.CreatedAt, a.Id))
    {
        ["Id"] = a.Id,
        ["Type"] = a.Type,
        ["Severity"] = a.Severity.ToString(),
        ["Summary"] = a.Summary,
        ["Source"] = a.Source,
        ["CreatedAt"] = a.CreatedAt,
        ["RaisedAt"] = a.RaisedAt,
        ["Subject"] = a.Subject,
        ["ActorId"] = a.ActorId,
        ["IpAddress"] = a.IpAddress,
        ["EventIds"] = JsonSerializer.Serialize(a.EventIds),
        ["Details"] = JsonSerializer.Serialize(a.Details),
        ["AuditEventId"] = a.AuditEventId,
        ["Published"] = a.Published,
    };

    private static SecurityAlert ToAlert(TableEntity e) => new(
        e.GetString("Id"), e.GetString("Type"), Enum.Parse<AlertSeverity>(e.GetString("Severity")), e.GetString("Summary"), e.GetString("Source"),
        e.GetDateTimeOffset("CreatedAt")!.Value, e.GetDateTimeOffset("RaisedAt")!.Value, e.GetString("Subject"), e.GetString("ActorId"),
        e.GetString("IpAddress"), JsonSerializer.Deserialize<List<string>>(e.GetString("EventIds")) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Details")) ?? [], e.GetString("AuditEventId"), e.GetBoolean("Published") ?? false);
}
