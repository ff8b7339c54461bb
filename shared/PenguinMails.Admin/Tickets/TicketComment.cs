namespace PenguinMails.Admin.Tickets;

public sealed record TicketComment(string Id, string Author, string Text, DateTimeOffset CreatedAt);
