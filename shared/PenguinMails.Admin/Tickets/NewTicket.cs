namespace PenguinMails.Admin.Tickets;

/// <summary>
/// What a feature asks for when it opens a ticket. Creating twice with one <see cref="IdempotencyKey"/> yields one
/// ticket (workflows pass their step's idempotency key).
/// </summary>
public sealed record NewTicket(
    string Queue,
    string Type,
    string Subject,
    string? Description,
    string IdempotencyKey,
    TicketPriority Priority = TicketPriority.Normal,
    string? TenantId = null,
    string? InvoiceId = null,
    string? WorkflowId = null);
