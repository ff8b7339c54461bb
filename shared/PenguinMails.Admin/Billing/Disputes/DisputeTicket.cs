namespace PenguinMails.Admin.Billing.Disputes;

/// <summary>The output of <see cref="OpenDisputeTicket"/>: the finance ticket the dispute is worked on.</summary>
public sealed record DisputeTicket(string TicketId, string? TicketKey);
