namespace PenguinMails.Admin.Billing;

/// <summary>A Stripe dispute (chargeback) on a charge, with its evidence deadline.</summary>
public sealed record StripeDispute(
    string Id,
    string ChargeId,
    string Status,
    string Reason,
    long Amount,
    string Currency,
    DateTimeOffset? EvidenceDueBy,
    DateTimeOffset Created,
    bool Livemode);
