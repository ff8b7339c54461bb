namespace PenguinMails.Admin.Billing;

/// <summary>One field where the mirror and Stripe disagree about the same object.</summary>
public sealed record ReconciliationMismatch(string Id, TransactionKind Kind, string Field, string Local, string Stripe);
