using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Billing's view of tenants, kept in step with the Tenants feature: when a Stripe event changes a tenant's billing
/// status, the tenant itself moves too (so "paused in Stripe" shows as Paused on GET /api/tenants/{id}).
/// </summary>
public sealed class TenantSyncingBillingDirectory(ITenantBillingDirectory inner, TenantService tenants) : ITenantBillingDirectory
{
    public static readonly Actor Stripe = Actor.System("stripe");

    public Task<BillingAccount?> GetAsync(string tenantId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(tenantId, cancellationToken);

    public Task<BillingAccount?> FindByStripeCustomerIdAsync(string stripeCustomerId, CancellationToken cancellationToken = default) =>
        inner.FindByStripeCustomerIdAsync(stripeCustomerId, cancellationToken);

    public Task<BillingAccount> LinkCustomerAsync(string tenantId, string stripeCustomerId, CancellationToken cancellationToken = default) =>
        inner.LinkCustomerAsync(tenantId, stripeCustomerId, cancellationToken);

    public async Task<BillingStatusChange> SetStatusFromBillingAsync(string tenantId, TenantBillingStatus status, DateTimeOffset asOf,
        string stripeEventId, CancellationToken cancellationToken = default)
    {
        var change = await inner.SetStatusFromBillingAsync(tenantId, status, asOf, stripeEventId, cancellationToken);
        if (change.Applied)
        {
            try
            {
                await tenants.SetStatusFromBillingAsync(Stripe, tenantId, Map(status), $"Stripe event {stripeEventId}", cancellationToken);
            }
            catch (AdminException e) when (e.Status == 404)
            {
                // A Stripe customer linked to a tenant the Tenants feature doesn't hold: billing's own record is all there is.
            }
        }
        return change;
    }

    private static TenantStatus Map(TenantBillingStatus status) => status switch
    {
        TenantBillingStatus.Active => TenantStatus.Active,
        TenantBillingStatus.Paused => TenantStatus.Paused,
        _ => TenantStatus.Closed,
    };
}
