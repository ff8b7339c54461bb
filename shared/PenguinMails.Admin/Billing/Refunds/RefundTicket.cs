namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>The output of <see cref="OpenRefundTicket"/>: the finance ticket the refund is worked on.</summary>
public sealed record RefundTicket(string TicketId, string? TicketKey);
