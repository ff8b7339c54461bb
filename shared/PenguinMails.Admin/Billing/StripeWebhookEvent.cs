namespace PenguinMails.Admin.Billing;

/// <summary>
/// The envelope of a verified Stripe event: what it is about, and when Stripe created it. Handlers re-fetch the
/// object by <see cref="ObjectId"/> rather than trusting the snapshot in the payload.
/// </summary>
public sealed record StripeWebhookEvent(
    string Id,
    string Type,
    DateTimeOffset Created,
    string? ApiVersion,
    bool Livemode,
    string ObjectId,
    string ObjectType,
    string? CustomerId);
