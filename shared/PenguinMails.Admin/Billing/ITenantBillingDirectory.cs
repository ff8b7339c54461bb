namespace PenguinMails.Admin.Billing;

/// <summary>
/// Which tenant a Stripe customer belongs to, and the last Stripe event billing applied to it. Billing owns nothing
/// else about a tenant: the status is the Tenants feature's (PUT /tenants/{id}/billing links the customer here).
/// </summary>
public interface ITenantBillingDirectory
{
    Task<BillingAccount?> GetAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<BillingAccount?> FindByStripeCustomerIdAsync(string stripeCustomerId, CancellationToken cancellationToken = default);

    /// <summary>Links a tenant to its Stripe customer (one customer per tenant; relinking moves it).</summary>
    Task<BillingAccount> LinkCustomerAsync(string tenantId, string stripeCustomerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the status report of <paramref name="stripeEventId"/> (created at <paramref name="asOf"/>) was applied,
    /// unless a newer one was recorded meanwhile. Returns false in that case.
    /// </summary>
    Task<bool> RecordAppliedEventAsync(string tenantId, DateTimeOffset asOf, string stripeEventId, CancellationToken cancellationToken = default);
}
