using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// The finance side of webhook failures: lists stored events by status, and replays one that failed (or never ran) by
/// queuing it again. Processing is idempotent, so a replay never applies anything twice.
/// </summary>
public sealed class StripeEventReplayService(IStripeEventStore store, IStripeEventQueue queue, IAuditLog audit)
{
    public Task<Page<StoredStripeEvent>> ListAsync(StripeEventStatus status, PageRequest page, CancellationToken cancellationToken = default) =>
        store.ListAsync(status, page, cancellationToken);

    public async Task<StoredStripeEvent> ReplayAsync(Actor actor, string eventId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        var stored = await store.GetAsync(eventId, cancellationToken) ?? throw AdminException.NotFound("Stripe event", eventId);
        if (stored.Status is StripeEventStatus.Processed or StripeEventStatus.NotProcessed)
        {
            throw AdminException.Conflict($"Stripe event {eventId} is {stored.Status}; only a failed or unprocessed event is replayed.", "not_replayable");
        }
        await store.MarkAsync(eventId, StripeEventStatus.Received, $"Replayed by {actor.Email}; was: {stored.Detail}", cancellationToken);
        await queue.EnqueueAsync(eventId, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.FinanceWebhookEventReplay, "stripe-event", eventId,
            AuditEntry.Snapshot(new { Status = stored.Status.ToString(), stored.Detail }), AuditEntry.Snapshot(new { Status = nameof(StripeEventStatus.Received) }),
            why), cancellationToken);
        return stored with { Status = StripeEventStatus.Received };
    }
}
