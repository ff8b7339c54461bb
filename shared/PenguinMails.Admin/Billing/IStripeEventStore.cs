using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Billing;

/// <summary>The processed-events table: every accepted Stripe event, once, with its processing status.</summary>
public interface IStripeEventStore
{
    /// <summary>Inserts the event if its id is new; returns the stored one (which may be an earlier delivery).</summary>
    Task<(StoredStripeEvent Stored, bool Added)> AddIfAbsentAsync(StoredStripeEvent stripeEvent, CancellationToken cancellationToken = default);

    Task<StoredStripeEvent?> GetAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>The stored events with <paramref name="status"/>, a page at a time.</summary>
    Task<Page<StoredStripeEvent>> ListAsync(StripeEventStatus status, PageRequest page, CancellationToken cancellationToken = default);

    Task MarkAsync(string eventId, StripeEventStatus status, string? detail, CancellationToken cancellationToken = default);
}
