namespace PenguinMails.Admin.Billing;

/// <summary>
/// A tenant's link to its Stripe customer, and the last Stripe event whose status report was applied (so an older
/// event arriving late never overwrites a newer one). The tenant's status itself belongs to the Tenants feature.
/// </summary>
public sealed record BillingAccount(
    string TenantId,
    string StripeCustomerId,
    DateTimeOffset? LastEventAsOf,
    string? LastEventId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True when a report from the event created at <paramref name="asOf"/> is a repeat or older than the last one applied.</summary>
    public bool HasApplied(string eventId, DateTimeOffset asOf) => LastEventId == eventId || (LastEventAsOf is { } last && last > asOf);
}
