using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Where billing's tickets (disputes, refund requests) go: the <c>finance</c> queue of the Tickets feature, which
/// implements this port, so they show in GET /api/tickets?queue=finance and staff work them there.
/// </summary>
public interface IFinanceTicketDesk
{
    /// <summary>Opens the ticket, or returns the one already opened with the same <see cref="NewFinanceTicket.IdempotencyKey"/>.</summary>
    Task<Ticket> OpenAsync(Actor actor, NewFinanceTicket ticket, CancellationToken cancellationToken = default);

    /// <summary>The ticket, or null when it does not exist.</summary>
    Task<Ticket?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="update"/>. A note already on the ticket is not added again and an unchanged status or
    /// priority is not written, so a retried step or a redelivered webhook changes nothing twice.
    /// </summary>
    Task<Ticket> UpdateAsync(Actor actor, string id, FinanceTicketUpdate update, CancellationToken cancellationToken = default);
}
