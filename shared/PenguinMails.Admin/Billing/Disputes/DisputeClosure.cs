namespace PenguinMails.Admin.Billing.Disputes;

/// <summary>The payload of <see cref="BillingDisputeWorkflow.DisputeClosed"/>: Stripe's final status and the event that said so.</summary>
public sealed record DisputeClosure(string? Status, string? StripeEventId);
