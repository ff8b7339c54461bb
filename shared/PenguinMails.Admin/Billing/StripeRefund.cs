namespace PenguinMails.Admin.Billing;

/// <summary>A Stripe refund: status is <c>pending</c>, <c>succeeded</c>, <c>failed</c>, <c>canceled</c> or <c>requires_action</c>.</summary>
public sealed record StripeRefund(string Id, string? ChargeId, string Status, long Amount, string? FailureReason, DateTimeOffset Created);
