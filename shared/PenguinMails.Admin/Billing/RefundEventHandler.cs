using PenguinMails.Admin.Billing.Refunds;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Refund events: a refund that Stripe reports <c>succeeded</c> raises <c>RefundConfirmed</c> on the refund request's
/// workflow; a failed one re-opens the request's ticket. The refund is re-fetched, so its current status decides.
/// </summary>
public sealed class RefundEventHandler(IStripeBilling stripe, RefundConfirmationService refunds) : IStripeEventHandler
{
    public IReadOnlyCollection<string> EventTypes { get; } = ["refund.created", "refund.updated", "refund.failed", "charge.refund.updated"];

    public async Task<string> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        var refund = await stripe.GetRefundAsync(stripeEvent.ObjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe has no refund {stripeEvent.ObjectId} yet; retrying.");
        if (refund.ChargeId is null)
        {
            return $"Refund {refund.Id} is not for a charge; nothing to do.";
        }
        var request = refund.Status switch
        {
            "succeeded" => await refunds.ConfirmAsync(refund.ChargeId, refund.Id, stripeEvent.Id, cancellationToken),
            "failed" or "canceled" => await refunds.RefundFailedAsync(refund.ChargeId, refund.Id, refund.FailureReason, stripeEvent.Id, cancellationToken),
            _ => null,
        };
        return request is null
            ? $"Refund {refund.Id} of {refund.ChargeId} is {refund.Status}; no refund request changed."
            : $"Refund {refund.Id} is {refund.Status}; refund request {request} was {(refund.Status == "succeeded" ? "woken" : "re-opened")}.";
    }
}
