using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// The refund workflow's external events, raised by the webhook: <c>RefundConfirmed</c> (a succeeded refund of the
/// duplicate charge) completes the request, closes its ticket and makes the customer notification due; a failed
/// refund re-opens the ticket and goes back to waiting.
/// </summary>
public sealed class RefundConfirmationService(IRefundRequestStore store, IFinanceTicketDesk desk, IAuditLog audit, TimeProvider time)
{
    /// <summary>Returns the completed request, or null when no request waits on that charge.</summary>
    public async Task<RefundRequest?> ConfirmAsync(string chargeId, string refundReference, string stripeEventId, CancellationToken cancellationToken = default)
    {
        var current = await store.FindByChargeAsync(chargeId, cancellationToken);
        if (current is not { Value.Status: RefundRequestStatus.AwaitingRefund })
        {
            return null;
        }
        var request = current.Value;
        var now = time.GetUtcNow();
        await desk.UpdateAsync(request.TicketId!, new FinanceTicketUpdate(FinanceTicketStatus.Done,
            Note: $"Stripe confirmed the refund of {chargeId} ({refundReference}). Customer notification is due for support."), cancellationToken);
        var completed = request
            .With(new RefundStep("RefundConfirmed", now, $"Stripe event {stripeEventId}: charge {chargeId} refunded ({refundReference})."))
            .With(new RefundStep("NotifyCustomer", now, "Ticket done; customer notification recorded as due for support.")) with
        {
            Status = RefundRequestStatus.Completed, StripeRefundId = refundReference, CustomerNotificationDueAt = now,
            Outcome = $"Refunded {chargeId}.",
        };
        await store.UpdateAsync(completed, current.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(BillingActors.Stripe(), "finance.refund.complete", "refund", request.Id,
            AuditEntry.Snapshot(new { Status = request.Status.ToString() }),
            AuditEntry.Snapshot(new { Status = completed.Status.ToString(), completed.StripeRefundId }), $"Stripe event {stripeEventId}"), cancellationToken);
        return completed;
    }

    /// <summary>Re-opens the ticket of the request refunding <paramref name="chargeId"/>; returns null when there is none.</summary>
    public async Task<RefundRequest?> RefundFailedAsync(string chargeId, string refundId, string? failureReason, string stripeEventId,
        CancellationToken cancellationToken = default)
    {
        var current = await store.FindByChargeAsync(chargeId, cancellationToken);
        if (current is null || current.Value.TicketId is null)
        {
            return null;
        }
        var request = current.Value;
        var now = time.GetUtcNow();
        await desk.UpdateAsync(request.TicketId, new FinanceTicketUpdate(FinanceTicketStatus.Open,
            Note: $"Stripe refund {refundId} failed ({failureReason ?? "no reason given"}); re-opened."), cancellationToken);
        var reopened = request.With(new RefundStep("RefundFailed", now, $"Stripe event {stripeEventId}: refund {refundId} failed ({failureReason})."))
            with
        {
            Status = RefundRequestStatus.AwaitingRefund, AwaitingSince = now, RemindedAt = null, EscalatedAt = null,
            CustomerNotificationDueAt = null, Outcome = null,
        };
        await store.UpdateAsync(reopened, current.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(BillingActors.Stripe(), "finance.refund.failed", "refund", request.Id,
            AuditEntry.Snapshot(new { Status = request.Status.ToString() }), AuditEntry.Snapshot(new { Status = reopened.Status.ToString() }),
            $"Stripe event {stripeEventId}"), cancellationToken);
        return reopened;
    }
}
