namespace PenguinMails.Admin.Billing;

/// <summary>A Stripe event as received, keyed by its id so a redelivery is a no-op.</summary>
public sealed record StoredStripeEvent(
    StripeWebhookEvent Event,
    string Payload,
    StripeEventStatus Status,
    string? Detail,
    DateTimeOffset ReceivedAt);
