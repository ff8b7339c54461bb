using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Billing;

/// <summary>What opening a finance ticket needs; <see cref="IdempotencyKey"/> makes opening it safe to repeat.</summary>
public sealed record NewFinanceTicket(
    string Type,
    string TenantId,
    string Subject,
    string Description,
    string IdempotencyKey,
    string? InvoiceId = null,
    string? WorkflowId = null,
    TicketPriority Priority = TicketPriority.Normal)
{
    public const string BillingDispute = "Billing Dispute";
    public const string RefundRequest = "Refund Request";
}
