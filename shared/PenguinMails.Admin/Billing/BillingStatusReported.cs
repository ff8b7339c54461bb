namespace PenguinMails.Admin.Billing;

/// <summary>
/// Billing's request to the Tenants feature, on <c>tenant-status-changes</c>: Stripe says this tenant's subscription is
/// now <see cref="Status"/>. The message id is the Stripe event id; <see cref="OccurredAt"/> is the event's creation
/// time, used to order reports. Not to be confused with Tenants' own <c>TenantStatusChanged</c> on <c>tenant-events</c>,
/// which Tenants publishes once the status has actually moved.
/// </summary>
public sealed record BillingStatusReported(
    string TenantId,
    string StripeCustomerId,
    string? SubscriptionId,
    string Status,
    string StripeEventId,
    DateTimeOffset OccurredAt)
{
    public const string EventType = "BillingStatusReported";

    /// <summary>The type this message had before it got its own name; messages still queued under it are read the same way.</summary>
    public const string LegacyEventType = "TenantStatusChanged";

    public static bool IsOfType(string type) => type is EventType or LegacyEventType;
}
