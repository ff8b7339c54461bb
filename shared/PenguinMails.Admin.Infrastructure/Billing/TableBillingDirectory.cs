using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// Billing accounts: one "tenant" row per tenant (customer id, and the id and time of the last Stripe event applied,
/// in the columns StatusEventId and StatusAsOf), and one "customer" row per Stripe customer pointing back at its tenant.
/// Rows written before Tenants owned the status also carry a Status column: it is never read, and the next write drops it.
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
        var account = (existing ?? new BillingAccount(tenantId, stripeCustomerId, null, null, time.GetUtcNow())) with
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

    public Task<bool> RecordAppliedEventAsync(string tenantId, DateTimeOffset asOf, string stripeEventId, CancellationToken cancellationToken = default) =>
        // Another event for this tenant recorded meanwhile makes the write stale: read again and compare against it.
        OptimisticConcurrency.RetryAsync(async ct =>
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(TenantPartition, tenantId, cancellationToken: ct);
            if (!row.HasValue)
            {
                throw new InvalidOperationException($"Tenant {tenantId} has no billing account.");
            }
            var current = ToAccount(row.Value!);
            if (current.HasApplied(stripeEventId, asOf))
            {
                return false;
            }
            var updated = current with { LastEventAsOf = asOf, LastEventId = stripeEventId, UpdatedAt = time.GetUtcNow() };
            await Table.UpdateEntityAsync(ToEntity(updated), row.Value!.ETag, TableUpdateMode.Replace, ct);
            return true;
        }, e => e is RequestFailedException { Status: 412 }, "The tenant's billing account kept changing while a Stripe event was recorded; it is retried.",
            cancellationToken);

    private static TableEntity ToEntity(BillingAccount a) => new(TenantPartition, a.TenantId)
    {
        ["StripeCustomerId"] = a.StripeCustomerId,
        ["StatusAsOf"] = a.LastEventAsOf,
        ["StatusEventId"] = a.LastEventId,
        ["UpdatedAt"] = a.UpdatedAt,
    };

    private static BillingAccount ToAccount(TableEntity e) => new(
        e.RowKey,
        e.GetString("StripeCustomerId"),
        e.GetDateTimeOffset("StatusAsOf"),
        e.GetString("StatusEventId"),
        e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
