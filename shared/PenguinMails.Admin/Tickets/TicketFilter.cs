namespace PenguinMails.Admin.Tickets;

/// <summary>Filters for listing tickets; <see cref="VisibleQueues"/> limits the list to queues the caller may see.</summary>
public sealed record TicketFilter(string? Queue, TicketStatus? Status, IReadOnlyCollection<string> VisibleQueues);
