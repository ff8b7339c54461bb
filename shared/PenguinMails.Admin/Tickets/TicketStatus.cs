namespace PenguinMails.Admin.Tickets;

/// <summary>Where a ticket stands; the API spells them open, in-progress, waiting, resolved, closed.</summary>
public enum TicketStatus
{
    Open,
    InProgress,
    Waiting,
    Resolved,
    Closed,
}
