using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Billing's ticket desk (<see cref="IFinanceTicketDesk"/>) on the ticket service: every billing ticket is an ordinary
/// ticket on the <see cref="TicketQueues.Finance"/> queue (built-in or mirrored to Jira), audited like any other.
/// </summary>
public sealed class FinanceTicketDesk(TicketService tickets) : IFinanceTicketDesk
{
    public async Task<Ticket> OpenAsync(Actor actor, NewFinanceTicket ticket, CancellationToken cancellationToken = default)
    {
        var description = ticket.Description.Length > TicketService.MaxDescriptionLength
            ? ticket.Description[..TicketService.MaxDescriptionLength]
            : ticket.Description;
        var opened = await tickets.CreateAsync(actor, new NewTicket(TicketQueues.Finance, ticket.Type, ticket.Subject, description,
            ticket.IdempotencyKey, ticket.Priority, ticket.TenantId, ticket.InvoiceId, ticket.WorkflowId), cancellationToken);
        return opened.Value;
    }

    public async Task<Ticket?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await tickets.FindAsync(id, cancellationToken))?.Value;

    public async Task<Ticket> UpdateAsync(Actor actor, string id, FinanceTicketUpdate update, CancellationToken cancellationToken = default)
    {
        var current = (await tickets.GetAsync(id, cancellationToken)).Value;
        var note = string.IsNullOrWhiteSpace(update.Note) ? null : Truncate(update.Note.Trim());
        if (note is not null && (await tickets.ListCommentsAsync(id, cancellationToken)).Any(c => c.Text == note))
        {
            note = null; // already noted: this is a retry of a change that was made
        }
        var status = update.Status is { } wanted && wanted != current.Status ? wanted : (TicketStatus?)null;
        var priority = update.Escalated && current.Priority != TicketPriority.High ? TicketPriority.High : (TicketPriority?)null;
        if (note is null && status is null && priority is null)
        {
            return current;
        }
        var changed = await tickets.UpdateAsync(actor, id, new TicketChange(status, Comment: note, Priority: priority), null, null, cancellationToken);
        return changed.Value;
    }

    private static string Truncate(string note) => note.Length > TicketService.MaxCommentLength ? note[..TicketService.MaxCommentLength] : note;
}
