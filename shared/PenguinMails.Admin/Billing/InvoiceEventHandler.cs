namespace PenguinMails.Admin.Billing;

/// <summary>Invoice events refresh the invoice's row in the local mirror from Stripe's current invoice.</summary>
public sealed class InvoiceEventHandler(IStripeBilling stripe, ITenantBillingDirectory directory, ITransactionMirror mirror) : IStripeEventHandler
{
    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        "invoice.created", "invoice.finalized", "invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed",
        "invoice.voided", "invoice.marked_uncollectible", "invoice.updated",
    ];

    public async Task<string> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        var invoice = await stripe.GetInvoiceAsync(stripeEvent.ObjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe has no invoice {stripeEvent.ObjectId} yet; retrying.");
        var account = await directory.FindByStripeCustomerIdAsync(invoice.CustomerId, cancellationToken);
        if (account is null)
        {
            return $"No tenant is linked to customer {invoice.CustomerId}; invoice not mirrored.";
        }
        var changed = await mirror.UpsertAsync(Transaction.FromInvoice(account.TenantId, invoice), cancellationToken);
        return $"Invoice {invoice.Id} is {invoice.Status}; mirror {(changed ? "updated" : "already current")}.";
    }
}
