using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// Billing accounts: one "tenant" row per tenant (customer id, billing status and the Stripe event time that set it),
/// and one "customer" row per Stripe customer pointing back at its tenant.
/// </summary>
public sealed class TableBillingDirectory(StorageClients storage, TimeProvider time) : ITenantBillingDirectory
{
    public const string TableName = "BillingAccounts";
    private const string TenantPartition = "tenant";
    private const string CustomerPartition = "customer";
    private TableClient Table => storage.Table(TableName);

    public async Task<BillingAccount?> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(TenantPartition, tenantId, cancellationToken: cancellationToken);
        return row.HasValue ? ToAccount(row.Value!) : null;
    }

    public async Task<BillingAccount?> FindByStripeCustomerIdAsync(string stripeCustomerId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(CustomerPartition, stripeCustomerId, cancellationToken: cancellationToken);
        return row.HasValue ? await GetAsync(row.Value!.GetString("TenantId"), cancellationToken) : null;
    }

    public async Task<BillingAccount> LinkCustomerAsync(string tenantId, string stripeCustomerId, CancellationToken cancellationToken = default)
    {
        var existing = await GetAsync(tenantId, cancellationToken);
        var account = (existing ?? new BillingAccount(tenantId, stripeCustomerId, null, null, null, time.GetUtcNow())) with
        {
            StripeCustomerId = stripeCustomerId, UpdatedAt = time.GetUtcNow(),
        };
        await Table.UpsertEntityAsync(new TableEntity(CustomerPartition, stripeCustomerId) { ["TenantId"] = tenantId }, TableUpdateMode.Replace,
            cancellationToken);
        await Table.UpsertEntityAsync(ToEntity(account), TableUpdateMode.Replace, cancellationToken);
        if (existing is not null && existing.StripeCustomerId != stripeCustomerId)
        {
            await Table.DeleteEntityAsync(CustomerPartition, existing.StripeCustomerId, ETag.All, cancellationToken);
        }
        return account;
    }

    public async Task<BillingStatusChange> SetStatusFromBillingAsync(string tenantId, TenantBillingStatus status, DateTimeOffset asOf,
        string stripeEventId, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(TenantPartition, tenantId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                throw new InvalidOperationException($"Tenant {tenantId} has no billing account.");
            }
            var current = ToAccount(row.Value!);
            if (current.StatusEventId == stripeEventId || (current.StatusAsOf is { } applied && applied > asOf))
            {
                return new BillingStatusChange(false, current.Status, current.Status ?? status);
            }
            var updated = current with { Status = status, StatusAsOf = asOf, StatusEventId = stripeEventId, UpdatedAt = time.GetUtcNow() };
            try
            {
                await Table.UpdateEntityAsync(ToEntity(updated), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return new BillingStatusChange(true, current.Status, status);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another event for this tenant was applied meanwhile: compare against it.
            }
        }
    }

    private static TableEntity ToEntity(BillingAccount a) => new(TenantPartition, a.TenantId)
    {
        ["StripeCustomerId"] = a.StripeCustomerId,
        ["Status"] = a.Status?.ToString(),
        ["StatusAsOf"] = a.StatusAsOf,
        ["StatusEventId"] = a.StatusEventId,
        ["UpdatedAt"] = a.UpdatedAt,
    };

    private static BillingAccount ToAccount(TableEntity e) => new(
        e.RowKey,
        e.GetString("StripeCustomerId"),
        e.GetString("Status") is { } status ? Enum.Parse<TenantBillingStatus>(status) : null,
        e.GetDateTimeOffset("StatusAsOf"),
        e.GetString("StatusEventId"),
        e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
