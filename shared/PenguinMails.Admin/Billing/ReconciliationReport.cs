namespace PenguinMails.Admin.Billing;

/// <summary>The mirror compared with Stripe, object by object.</summary>
public sealed record ReconciliationReport(
    IReadOnlyList<Transaction> Matched,
    IReadOnlyList<Transaction> MissingLocally,
    IReadOnlyList<Transaction> MissingInStripe,
    IReadOnlyList<ReconciliationMismatch> Mismatched);
