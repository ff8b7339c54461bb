namespace PenguinMails.Admin.Tickets;

/// <summary>
/// A unit of follow-up work on a queue. <see cref="Key"/> and <see cref="ExternalUrl"/> point at the external
/// system's copy (Jira) when one is configured. <see cref="IdempotencyKey"/> makes creation safe to repeat.
/// </summary>
public sealed record Ticket(
    string Id,
    string? Key,
    string Queue,
    string Type,
    TicketStatus Status,
    TicketPriority Priority,
    string Subject,
    string? Description,
    string? TenantId,
    string? InvoiceId,
    string? WorkflowId,
    string? Assignee,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ExternalUrl,
    string IdempotencyKey);
