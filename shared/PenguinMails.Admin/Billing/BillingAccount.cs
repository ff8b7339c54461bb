namespace PenguinMails.Admin.Billing;

/// <summary>
/// A tenant's link to its Stripe customer and the status billing last set, with the Stripe event time that set it
/// (so an older event arriving late never overwrites a newer one).
/// </summary>
public sealed record BillingAccount(
    string TenantId,
    string StripeCustomerId,
    TenantBillingStatus? Status,
    DateTimeOffset? StatusAsOf,
    string? StatusEventId,
    DateTimeOffset UpdatedAt);
