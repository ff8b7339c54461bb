namespace PenguinMails.Admin.Billing;

/// <summary>A change to a finance ticket; null fields are left as they are, and a note is appended.</summary>
public sealed record FinanceTicketUpdate(FinanceTicketStatus? Status = null, DateTimeOffset? DueAt = null, bool? Escalated = null, string? Note = null);
