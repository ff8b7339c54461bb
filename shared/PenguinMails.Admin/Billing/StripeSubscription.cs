namespace PenguinMails.Admin.Billing;

/// <summary>The parts of a Stripe subscription billing needs, read fresh from Stripe.</summary>
public sealed record StripeSubscription(
    string Id,
    string CustomerId,
    string Status,
    string? PauseCollectionBehavior,
    bool CancelAtPeriodEnd,
    DateTimeOffset Created,
    bool Livemode)
{
    /// <summary>
    /// What the subscription means for the tenant: canceled (or never completed) closes it; Stripe's <c>paused</c>
    /// status or a <c>pause_collection</c> pauses it; anything else keeps it active.
    /// </summary>
    public TenantBillingStatus TenantStatus => Status switch
    {
        "canceled" or "incomplete_expired" => TenantBillingStatus.Closed,
        "paused" => TenantBillingStatus.Paused,
        _ when PauseCollectionBehavior is not null => TenantBillingStatus.Paused,
        _ => TenantBillingStatus.Active,
    };
}
