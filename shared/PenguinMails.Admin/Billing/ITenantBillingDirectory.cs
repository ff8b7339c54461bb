namespace PenguinMails.Admin.Billing;

/// <summary>
/// Which tenant a Stripe customer belongs to, and the tenant status that billing sets. The Tenants feature owns
/// tenants; this port is the seam it implements (its PUT /tenants/{id}/billing links the customer).
/// </summary>
public interface ITenantBillingDirectory
{
    Task<BillingAccount?> GetAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<BillingAccount?> FindByStripeCustomerIdAsync(string stripeCustomerId, CancellationToken cancellationToken = default);

    /// <summary>Links a tenant to its Stripe customer (one customer per tenant; relinking moves it).</summary>
    Task<BillingAccount> LinkCustomerAsync(string tenantId, string stripeCustomerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the tenant's status from billing, unless a newer Stripe event (by <paramref name="asOf"/>) already set it.
    /// Idempotent: applying the same event twice changes nothing the second time.
    /// </summary>
    Task<BillingStatusChange> SetStatusFromBillingAsync(string tenantId, TenantBillingStatus status, DateTimeOffset asOf, string stripeEventId,
        CancellationToken cancellationToken = default);
}
