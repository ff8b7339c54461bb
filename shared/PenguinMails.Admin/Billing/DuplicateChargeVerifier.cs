namespace PenguinMails.Admin.Billing;

/// <summary>
/// Verifies a duplicate charge for an invoice against Stripe and our mirror. Candidates are the customer's kept
/// charges of the invoice's paid amount and currency within <see cref="Window"/> of its payment, plus the charges its
/// invoice payments name. Two or more means a duplicate: the one the invoice names (or the earliest) is the real
/// payment, and the latest other one is refunded.
/// </summary>
public sealed class DuplicateChargeVerifier(IStripeBilling stripe, ITransactionMirror mirror)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(3);

    public async Task<DuplicateChargeCheck> VerifyAsync(BillingAccount account, string invoiceId, CancellationToken cancellationToken = default)
    {
        var invoice = await stripe.GetInvoiceAsync(invoiceId, cancellationToken);
        if (invoice is null || invoice.CustomerId != account.StripeCustomerId)
        {
            // Another customer's invoice reads as missing, so a request can't probe other tenants' invoices.
            return DuplicateChargeCheck.None($"Invoice {invoiceId} is not an invoice of tenant {account.TenantId} in Stripe.");
        }
        if (invoice.Status != "paid")
        {
            return DuplicateChargeCheck.None($"Invoice {invoiceId} is not paid (status {invoice.Status}), so nothing was charged twice.");
        }
        var linked = (await stripe.ListInvoiceChargeIdsAsync(invoiceId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var paidAt = invoice.PaidAt ?? invoice.Created;
        var candidates = new List<StripeCharge>();
        await foreach (var charge in stripe.ListChargesAsync(account.StripeCustomerId, cancellationToken))
        {
            if (charge.Created < paidAt - Window)
            {
                break; // newest first: everything after this is older still
            }
            var sameAmount = charge.Amount == invoice.AmountPaid && string.Equals(charge.Currency, invoice.Currency, StringComparison.OrdinalIgnoreCase);
            if (charge.IsKept && (linked.Contains(charge.Id) || (sameAmount && charge.Created <= paidAt + Window)))
            {
                candidates.Add(charge);
            }
        }
        if (candidates.Count < 2)
        {
            return DuplicateChargeCheck.None(
                $"No duplicate charge: Stripe shows {candidates.Count} kept charge(s) of {invoice.AmountPaid} {invoice.Currency} for invoice {invoiceId}.");
        }
        var original = candidates.FirstOrDefault(c => linked.Contains(c.Id)) ?? candidates.MinBy(c => c.Created)!;
        var duplicate = candidates.Where(c => c.Id != original.Id).MaxBy(c => c.Created)!;
        var mirrored = await mirror.GetAsync(account.TenantId, duplicate.Id, cancellationToken);
        var mirrorNote = mirrored is null ? "our mirror did not have it yet and now does" : "our mirror agrees";
        if (mirrored is null || mirrored != Transaction.FromCharge(account.TenantId, duplicate))
        {
            await mirror.UpsertAsync(Transaction.FromCharge(account.TenantId, duplicate), cancellationToken);
        }
        return new DuplicateChargeCheck(true, duplicate, original.Id,
            $"Charge {duplicate.Id} ({duplicate.Amount} {duplicate.Currency}) duplicates {original.Id} for invoice {invoiceId}; {mirrorNote}.");
    }
}
