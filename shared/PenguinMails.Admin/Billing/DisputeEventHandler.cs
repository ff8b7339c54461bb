using PenguinMails.Admin.Billing.Disputes;

namespace PenguinMails.Admin.Billing;

/// <summary>Dispute (chargeback) events drive the dispute's workflow: start it, keep its ticket current, close it.</summary>
public sealed class DisputeEventHandler(IStripeBilling stripe, ITenantBillingDirectory directory, DisputeService disputes) : IStripeEventHandler
{
    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_withdrawn",
        "charge.dispute.funds_reinstated",
    ];

    public async Task<string> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        var dispute = await stripe.GetDisputeAsync(stripeEvent.ObjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe has no dispute {stripeEvent.ObjectId} yet; retrying.");
        var charge = await stripe.GetChargeAsync(dispute.ChargeId, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe has no charge {dispute.ChargeId} yet; retrying.");
        var account = await directory.FindByStripeCustomerIdAsync(charge.CustomerId, cancellationToken);
        if (account is null)
        {
            return $"No tenant is linked to customer {charge.CustomerId}; dispute {dispute.Id} has no ticket.";
        }
        return await disputes.ApplyStripeDisputeAsync(dispute, account.TenantId, stripeEvent.Id, cancellationToken);
    }
}
