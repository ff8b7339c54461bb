namespace PenguinMails.Admin.Tickets;

/// <summary>The external issue's key (e.g. <c>SEC-42</c>) and where a person opens it.</summary>
public sealed record ExternalTicketReference(string Key, string Url);
