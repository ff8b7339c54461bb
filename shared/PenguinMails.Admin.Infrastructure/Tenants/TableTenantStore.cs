using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Infrastructure.Tenants;

/// <summary>
/// Tenants in one partition (thousands, not millions), with one "domain" row per primary domain that makes domains
/// unique. The tenant row and its domain claim change together in one entity-group transaction.
/// </summary>
public sealed class TableTenantStore(StorageClients storage, TablePaging paging) : ITenantStore
{
    public const string TableName = "Tenants";
    private const string TenantPartition = "tenant";
    private const string DomainPrefix = "domain|";

    /// <summary>The tenant rows and not the domain claims beside them (tenant ids are letters and digits, so they never start with the claims' prefix).</summary>
    internal static string TenantRowsFilter { get; } =
        $"PartitionKey eq '{TenantPartition}' and (RowKey lt '{DomainPrefix}' or RowKey ge '{TableKeys.PrefixRange(DomainPrefix).To}')";

    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<Tenant>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsKeySafe(id))
        {
            return null;
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(TenantPartition, id, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<Tenant>(ToTenant(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<Versioned<Tenant>> CreateAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        var responses = await SubmitAsync([
            new TableTransactionAction(TableTransactionActionType.Add, DomainClaim(tenant)),
            new TableTransactionAction(TableTransactionActionType.Add, ToEntity(tenant)),
        ], tenant.PrimaryDomain, cancellationToken);
        return new Versioned<Tenant>(tenant, responses[1].Headers.ETag.ToString()!);
    }

    public async Task<Versioned<Tenant>> UpdateAsync(Tenant before, Tenant after, string etag, CancellationToken cancellationToken = default)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, ToEntity(after), new ETag(etag)) };
        if (before.PrimaryDomain != after.PrimaryDomain)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, DomainClaim(after)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, DomainClaim(before), ETag.All));
        }
        var responses = await SubmitAsync(actions, after.PrimaryDomain, cancellationToken);
        return new Versioned<Tenant>(after, responses[0].Headers.ETag.ToString()!);
    }

    public async Task<Admin.Common.Page<Tenant>> ListAsync(TenantFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        // The domain claims share the partition; their keys ("domain|…") sort in a range no tenant id (letters and digits) enters.
        var filters = new List<string> { TenantRowsFilter };
        if (filter.Status is { } status)
        {
            filters.Add($"Status eq '{status}'");
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var (from, to) = TableKeys.PrefixRange(filter.Query.Trim().ToLowerInvariant());
            filters.Add($"((NameLower ge '{TableKeys.Escape(from)}' and NameLower lt '{TableKeys.Escape(to)}') or "
                + $"(PrimaryDomain ge '{TableKeys.Escape(from)}' and PrimaryDomain lt '{TableKeys.Escape(to)}'))");
        }
        var result = await paging.QueryAsync<TableEntity>(Table, string.Join(" and ", filters), page, "tenants", cancellationToken);
        return result.Map(ToTenant);
    }

    private async Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, string domain, CancellationToken cancellationToken)
    {
        try
        {
            return (await Table.SubmitTransactionAsync(actions, cancellationToken)).Value;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw AdminException.Conflict($"Another tenant already uses the primary domain '{domain}'.");
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            throw AdminException.PreconditionFailed();
        }
    }

    // Ids come from route values; a key with characters Tables forbids would fail the request instead of 404.
    private static bool IsKeySafe(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    private static TableEntity DomainClaim(Tenant t) => new(TenantPartition, DomainPrefix + t.PrimaryDomain) { ["TenantId"] = t.Id };

    private static TableEntity ToEntity(Tenant t) => new(TenantPartition, t.Id)
    {
        ["Name"] = t.Name,
        ["NameLower"] = t.Name.ToLowerInvariant(),
        ["PrimaryDomain"] = t.PrimaryDomain,
        ["Plan"] = t.Plan,
        ["OwnerEmail"] = t.OwnerEmail,
        ["Status"] = t.Status.ToString(),
        ["Settings"] = JsonSerializer.Serialize(t.Settings, JsonSerializerOptions.Web),
        ["Billing"] = JsonSerializer.Serialize(t.Billing, JsonSerializerOptions.Web),
        ["CommunicationPreferences"] = JsonSerializer.Serialize(t.CommunicationPreferences, JsonSerializerOptions.Web),
        ["CreatedAt"] = t.CreatedAt,
        ["UpdatedAt"] = t.UpdatedAt,
    };

    private static Tenant ToTenant(TableEntity e) => new(
        e.RowKey,
        e.GetString("Name"),
        e.GetString("PrimaryDomain"),
        e.GetString("Plan"),
        e.GetString("OwnerEmail"),
        Enum.Parse<TenantStatus>(e.GetString("Status")),
        JsonSerializer.Deserialize<TenantSettings>(e.GetString("Settings"), JsonSerializerOptions.Web)!,
        JsonSerializer.Deserialize<TenantBilling>(e.GetString("Billing"), JsonSerializerOptions.Web)!,
        JsonSerializer.Deserialize<CommunicationPreferences>(e.GetString("CommunicationPreferences"), JsonSerializerOptions.Web)!,
        e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("UpdatedAt")!.Value);
}
