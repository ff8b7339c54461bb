namespace PenguinMails.Admin.Billing;

/// <summary>
/// The <c>TenantStatusChanged</c> integration event, published to <c>tenant-status-changes</c> with the Stripe event
/// id as its message id. <see cref="OccurredAt"/> is the Stripe event's creation time, used to order changes.
/// </summary>
public sealed record TenantStatusChanged(
    string TenantId,
    string StripeCustomerId,
    string? SubscriptionId,
    string Status,
    string StripeEventId,
    DateTimeOffset OccurredAt)
{
    public const string EventType = "TenantStatusChanged";
}
