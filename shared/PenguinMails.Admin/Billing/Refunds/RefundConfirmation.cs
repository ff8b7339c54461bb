namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// The payload of <see cref="RefundWorkflow.RefundConfirmed"/> as the webhook raises it: the refunded charge, Stripe's
/// reference for the refund and the event that told us. Raised by hand (POST /api/workflows/{id}/events/RefundConfirmed)
/// the fields may be missing.
/// </summary>
public sealed record RefundConfirmation(string? ChargeId, string? Reference, string? StripeEventId);
