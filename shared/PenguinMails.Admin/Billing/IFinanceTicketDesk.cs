namespace PenguinMails.Admin.Billing;

/// <summary>
/// Where finance tickets live. This is the seam to the Tickets feature: until it is merged, a table adapter
/// implements it; afterwards the ticket service (built-in or Jira) does.
/// </summary>
public interface IFinanceTicketDesk
{
    /// <summary>Opens the ticket, or returns the one already open for the same <see cref="NewFinanceTicket.ExternalRef"/>.</summary>
    Task<FinanceTicket> OpenAsync(NewFinanceTicket ticket, CancellationToken cancellationToken = default);

    Task<FinanceTicket?> FindAsync(string externalRef, CancellationToken cancellationToken = default);

    Task<FinanceTicket?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<FinanceTicket> UpdateAsync(string id, FinanceTicketUpdate update, CancellationToken cancellationToken = default);
}
