using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// The webhook's fast path: verify, store once per event id, queue, answer. Nothing is stored for a request that fails
/// verification. Events from another API release train and types nobody handles are stored but not processed.
/// </summary>
public sealed class StripeWebhookIntake(
    IStripeWebhookVerifier verifier,
    IStripeEventStore store,
    IStripeEventQueue queue,
    IEnumerable<IStripeEventHandler> handlers,
    TimeProvider time)
{
    private readonly HashSet<string> _handledTypes = handlers.SelectMany(h => h.EventTypes).ToHashSet(StringComparer.Ordinal);

    public async Task<WebhookReceipt> ReceiveAsync(string payload, string? signatureHeader, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw AdminException.BadRequest("stripe_signature_missing", "The Stripe-Signature header is required.");
        }
        var verification = verifier.Verify(payload, signatureHeader);
        var stripeEvent = verification.Event ?? throw AdminException.BadRequest(verification.FailureCode!, verification.FailureDetail!);
        var skipReason = !verification.ApiVersionMatches ? "api_version_mismatch"
            : !_handledTypes.Contains(stripeEvent.Type) ? "event_type_not_handled"
            : null;
        var status = skipReason is null ? StripeEventStatus.Received : StripeEventStatus.NotProcessed;
        var (stored, added) = await store.AddIfAbsentAsync(new StoredStripeEvent(stripeEvent, payload, status, skipReason, time.GetUtcNow()),
            cancellationToken);
        if (stored.Status == StripeEventStatus.NotProcessed)
        {
            return new WebhookReceipt(stripeEvent.Id, false, !added, stored.Detail);
        }
        // Queue a new event, and also a redelivery that was never processed: the first delivery may have been stored and
        // then lost before it was queued. Processing is idempotent, so an extra queue message costs nothing.
        if (stored.Status == StripeEventStatus.Received)
        {
            await queue.EnqueueAsync(stripeEvent.Id, cancellationToken);
        }
        return new WebhookReceipt(stripeEvent.Id, true, !added, null);
    }
}
