namespace PenguinMails.Admin.Billing;

/// <summary>
/// A refund of a duplicate charge, run as steps: verify the duplicate, open a ticket, wait for Stripe's refund
/// confirmation (reminding after 3 days and escalating after 7), then close the ticket and flag the customer
/// notification as due for support.
/// </summary>
public sealed record RefundRequest(
    string Id,
    string TenantId,
    string InvoiceId,
    string Reason,
    string RequestedBy,
    RefundRequestStatus Status,
    string? DuplicateChargeId,
    string? TicketId,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AwaitingSince,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? EscalatedAt,
    string? StripeRefundId,
    DateTimeOffset? CustomerNotificationDueAt,
    IReadOnlyList<RefundStep> History)
{
    public const string TicketReason = "Duplicate Charge";

    public RefundRequest With(RefundStep step) => this with { UpdatedAt = step.At, History = [.. History, step] };
}
