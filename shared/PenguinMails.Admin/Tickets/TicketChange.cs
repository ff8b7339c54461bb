namespace PenguinMails.Admin.Tickets;

/// <summary>
/// A change to a ticket. <see cref="SetAssignee"/> tells "unassign" (true with a null <see cref="Assignee"/>)
/// apart from "leave the assignee alone". <see cref="Priority"/> is set by features (an escalation raises it), not by
/// the PATCH endpoint.
/// </summary>
public sealed record TicketChange(TicketStatus? Status = null, bool SetAssignee = false, string? Assignee = null, string? Comment = null,
    TicketPriority? Priority = null);
