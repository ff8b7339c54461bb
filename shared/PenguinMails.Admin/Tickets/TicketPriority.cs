namespace PenguinMails.Admin.Tickets;

public enum TicketPriority
{
    Normal,
    High,
}
