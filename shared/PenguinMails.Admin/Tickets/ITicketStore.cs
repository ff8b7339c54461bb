using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Tickets;

/// <summary>The platform's record of tickets and their comments, with ETag concurrency.</summary>
public interface ITicketStore
{
    /// <summary>
    /// Creates <paramref name="ticket"/>, or returns the ticket already created with its idempotency key
    /// (<c>Created</c> false).
    /// </summary>
    Task<(Versioned<Ticket> Ticket, bool Created)> CreateAsync(Ticket ticket, CancellationToken cancellationToken = default);

    Task<Versioned<Ticket>?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Versioned<Ticket>?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Replaces the ticket if <paramref name="etag"/> matches (412 otherwise), adding <paramref name="comment"/> in the same write.</summary>
    Task<Versioned<Ticket>> UpdateAsync(Ticket ticket, string etag, TicketComment? comment = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TicketComment>> ListCommentsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<Page<Ticket>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken cancellationToken = default);
}
