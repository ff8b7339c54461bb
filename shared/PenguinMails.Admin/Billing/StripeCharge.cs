namespace PenguinMails.Admin.Billing;

/// <summary>The parts of a Stripe charge billing needs (amounts in the currency's minor unit).</summary>
public sealed record StripeCharge(
    string Id,
    string CustomerId,
    long Amount,
    long AmountRefunded,
    string Currency,
    string Status,
    bool Refunded,
    bool Disputed,
    DateTimeOffset Created,
    string? PaymentIntentId,
    bool Livemode)
{
    /// <summary>Paid and not (fully) refunded: money the customer is still out of.</summary>
    public bool IsKept => Status == "succeeded" && !Refunded && AmountRefunded < Amount;
}
