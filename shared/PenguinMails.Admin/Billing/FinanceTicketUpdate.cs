using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Billing;

/// <summary>A change to a finance ticket: null fields stay as they are; <see cref="Escalated"/> raises the priority.</summary>
public sealed record FinanceTicketUpdate(TicketStatus? Status = null, bool Escalated = false, string? Note = null);
