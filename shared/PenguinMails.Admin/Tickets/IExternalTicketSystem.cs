namespace PenguinMails.Admin.Tickets;

/// <summary>
/// An external ticket system (Jira Cloud) that mirrors our tickets, when configured. Calls must be safe to repeat:
/// creating twice with one idempotency key yields one external issue.
/// </summary>
public interface IExternalTicketSystem
{
    /// <summary>The system's name, for messages ("Jira").</summary>
    string Name { get; }

    /// <summary>Creates the external issue for <paramref name="ticket"/>, or finds the one created earlier for its idempotency key.</summary>
    Task<ExternalTicketReference> CreateAsync(Ticket ticket, CancellationToken cancellationToken = default);

    Task AddCommentAsync(string key, string author, string text, CancellationToken cancellationToken = default);

    /// <summary>Moves the external issue to the status matching <paramref name="status"/>, if its workflow allows it.</summary>
    Task TransitionAsync(string key, TicketStatus status, CancellationToken cancellationToken = default);
}
