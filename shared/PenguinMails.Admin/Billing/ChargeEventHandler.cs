using PenguinMails.Admin.Billing.Refunds;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Charge events refresh the charge's row in the mirror. A refunded charge also raises <c>RefundConfirmed</c> for the
/// refund request waiting on it.
/// </summary>
public sealed class ChargeEventHandler(
    IStripeBilling stripe, ITenantBillingDirectory directory, ITransactionMirror mirror, RefundConfirmationService refunds) : IStripeEventHandler
{
    public const string Refunded = "charge.refunded";

    public IReadOnlyCollection<string> EventTypes { get; } = ["charge.succeeded", "charge.failed", "charge.captured", "charge.updated", Refunded];

    public async Task<string> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        var charge = await stripe.GetChargeAsync(stripeEvent.ObjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe has no charge {stripeEvent.ObjectId} yet; retrying.");
        var account = await directory.FindByStripeCustomerIdAsync(charge.CustomerId, cancellationToken);
        if (account is null)
        {
            return $"No tenant is linked to customer {charge.CustomerId}; charge not mirrored.";
        }
        var changed = await mirror.UpsertAsync(Transaction.FromCharge(account.TenantId, charge), cancellationToken);
        var outcome = $"Charge {charge.Id} is {charge.Status}; mirror {(changed ? "updated" : "already current")}.";
        if (stripeEvent.Type == Refunded && charge.AmountRefunded > 0
            && await refunds.ConfirmAsync(charge.Id, $"{charge.AmountRefunded} {charge.Currency} refunded", stripeEvent.Id, cancellationToken) is { } woken)
        {
            outcome += $" RefundConfirmed raised on refund request {woken}.";
        }
        return outcome;
    }
}
