namespace PenguinMails.Admin.Billing;

/// <summary>The parts of a Stripe invoice billing needs (amounts in the currency's minor unit).</summary>
public sealed record StripeInvoice(
    string Id,
    string CustomerId,
    string? Number,
    string Status,
    long Total,
    long AmountPaid,
    string Currency,
    DateTimeOffset Created,
    DateTimeOffset? PaidAt,
    string? SubscriptionId,
    string? HostedInvoiceUrl,
    bool Livemode);
