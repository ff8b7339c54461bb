namespace PenguinMails.Admin.Billing;

/// <summary>
/// Processes one stored event with the handler for its type, then records the outcome. An event already processed
/// is skipped, so a queue redelivery never applies anything twice. A handler failure is recorded as Failed and propagates, so the queue retries.
/// </summary>
public sealed class StripeEventProcessor(IStripeEventStore store, IEnumerable<IStripeEventHandler> handlers)
{
    private readonly Dictionary<string, IStripeEventHandler> _byType = handlers
        .SelectMany(h => h.EventTypes.Select(t => (Type: t, Handler: h)))
        .ToDictionary(x => x.Type, x => x.Handler, StringComparer.Ordinal);

    /// <summary>Returns what was done, or null when there was nothing to do.</summary>
    public async Task<string?> ProcessAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var stored = await store.GetAsync(eventId, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe event {eventId} is not stored.");
        if (stored.Status is StripeEventStatus.Processed or StripeEventStatus.NotProcessed)
        {
            return null;
        }
        if (!_byType.TryGetValue(stored.Event.Type, out var handler))
        {
            await store.MarkAsync(eventId, StripeEventStatus.NotProcessed, "event_type_not_handled", cancellationToken);
            return null;
        }
        string outcome;
        try
        {
            outcome = await handler.HandleAsync(stored.Event, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // On the record before the queue retries, so an event that ends in poison is still listed (and can be replayed).
            await store.MarkAsync(eventId, StripeEventStatus.Failed, $"{e.GetType().Name}: {e.Message}", cancellationToken);
            throw;
        }
        await store.MarkAsync(eventId, StripeEventStatus.Processed, outcome, cancellationToken);
        return outcome;
    }
}
