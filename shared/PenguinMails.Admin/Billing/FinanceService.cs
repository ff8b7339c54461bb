using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// The finance views: a tenant's billing (from Stripe, or from our own records when Stripe is not configured), its
/// mirrored transactions, reconciliation and force sync (which need Stripe).
/// </summary>
public sealed class FinanceService(IStripeBilling stripe, ITenantBillingDirectory directory, ITransactionMirror mirror, TenantService tenants, IAuditLog audit)
{
    public const int OverviewInvoices = 20;

    /// <summary>What a finance view cannot show or do without a Stripe API key.</summary>
    public static readonly IReadOnlyList<string> NeedsStripe = ["subscriptions", "reconcile", "sync"];

    /// <summary>
    /// Saves a tenant's billing details (through <see cref="TenantService"/>, with its ETag and audit) and links the
    /// Stripe customer they name, so a webhook for that customer finds the tenant.
    /// </summary>
    public async Task<Versioned<Tenant>> UpdateTenantBillingAsync(Actor actor, string tenantId, TenantBilling billing, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        var updated = await tenants.UpdateBillingAsync(actor, tenantId, billing, ifMatch, reason, cancellationToken);
        if (updated.Value.Billing.StripeCustomerId is { } customer)
        {
            await directory.LinkCustomerAsync(tenantId, customer, cancellationToken);
        }
        return updated;
    }

    public async Task<BillingAccount> AccountAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await directory.GetAsync(tenantId, cancellationToken) ?? throw AdminException.NotFound("Tenant billing account", tenantId);

    public async Task<TenantBillingOverview> GetBillingAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var account = await AccountAsync(tenantId, cancellationToken);
        var status = await TenantStatusAsync(tenantId, cancellationToken);
        if (!stripe.IsConfigured)
        {
            var mirrored = new List<StripeInvoice>();
            await foreach (var t in mirror.AllAsync(tenantId, cancellationToken))
            {
                if (t.Kind == TransactionKind.Invoice)
                {
                    mirrored.Add(new StripeInvoice(t.Id, t.CustomerId, null, t.Status, t.Amount, t.Status == "paid" ? t.Amount : 0, t.Currency, t.Created,
                        null, null, null, t.Livemode));
                }
            }
            var newest = mirrored.OrderByDescending(i => i.Created).Take(OverviewInvoices).ToList();
            return new TenantBillingOverview(account, status, [], newest, stripe.IsTestMode, StripeConfigured: false);
        }
        var subscriptions = await stripe.ListSubscriptionsAsync(account.StripeCustomerId, cancellationToken);
        var invoices = new List<StripeInvoice>();
        await foreach (var invoice in stripe.ListInvoicesAsync(account.StripeCustomerId, cancellationToken))
        {
            invoices.Add(invoice);
            if (invoices.Count == OverviewInvoices)
            {
                break;
            }
        }
        return new TenantBillingOverview(account, status, subscriptions, invoices, stripe.IsTestMode, StripeConfigured: true);
    }

    private async Task<TenantStatus?> TenantStatusAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            return (await tenants.GetAsync(tenantId, cancellationToken)).Value.Status;
        }
        catch (AdminException e) when (e.Status == 404)
        {
            // A customer link for a tenant the Tenants feature doesn't hold: the link is all there is to show.
            return null;
        }
    }

    public async Task<Page<Transaction>> ListTransactionsAsync(string? tenantId, PageRequest page, CancellationToken cancellationToken = default)
    {
        new Validator().Require("tenantId", tenantId).ThrowIfInvalid();
        await AccountAsync(tenantId!, cancellationToken);
        return await mirror.ListAsync(tenantId!, page, cancellationToken);
    }

    public async Task<ReconciliationReport> ReconcileAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var account = await AccountAsync(tenantId, cancellationToken);
        EnsureStripe("Reconciliation compares our records with Stripe");
        var remote = (await ReadStripeAsync(account, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var local = new Dictionary<string, Transaction>(StringComparer.Ordinal);
        await foreach (var transaction in mirror.AllAsync(tenantId, cancellationToken))
        {
            local[transaction.Id] = transaction;
        }
        var matched = new List<Transaction>();
        var mismatched = new List<ReconciliationMismatch>();
        foreach (var (id, mine) in local)
        {
            if (!remote.TryGetValue(id, out var theirs))
            {
                continue;
            }
            var differences = mine.ComparableFields().Zip(theirs.ComparableFields())
                .Where(pair => pair.First.Value != pair.Second.Value)
                .Select(pair => new ReconciliationMismatch(id, mine.Kind, pair.First.Field, pair.First.Value, pair.Second.Value))
                .ToList();
            if (differences.Count == 0)
            {
                matched.Add(mine);
            }
            mismatched.AddRange(differences);
        }
        return new ReconciliationReport(matched,
            remote.Values.Where(t => !local.ContainsKey(t.Id)).OrderByDescending(t => t.Created).ToList(),
            local.Values.Where(t => !remote.ContainsKey(t.Id)).OrderByDescending(t => t.Created).ToList(),
            mismatched);
    }

    /// <summary>Reads every invoice and charge of the tenant from Stripe and upserts them; running it twice changes nothing.</summary>
    public async Task<SyncResult> SyncAsync(Actor actor, string tenantId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        var account = await AccountAsync(tenantId, cancellationToken);
        EnsureStripe("Force sync reads every invoice and charge from Stripe");
        var transactions = await ReadStripeAsync(account, cancellationToken);
        var changed = 0;
        foreach (var transaction in transactions)
        {
            changed += await mirror.UpsertAsync(transaction, cancellationToken) ? 1 : 0;
        }
        var result = new SyncResult(transactions.Count(t => t.Kind == TransactionKind.Invoice), transactions.Count(t => t.Kind == TransactionKind.Charge),
            changed, transactions.Count - changed);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.FinanceSync, "tenant", tenantId, After: AuditEntry.Snapshot(result), Reason: why),
            cancellationToken);
        return result;
    }

    private void EnsureStripe(string what)
    {
        if (!stripe.IsConfigured)
        {
            throw AdminException.Unavailable("stripe_not_configured",
                $"{what}, and Stripe is not configured: set Stripe__SecretKey. The billing view and transactions work from our own records without it.");
        }
    }

    private async Task<List<Transaction>> ReadStripeAsync(BillingAccount account, CancellationToken cancellationToken)
    {
        var transactions = new List<Transaction>();
        await foreach (var invoice in stripe.ListInvoicesAsync(account.StripeCustomerId, cancellationToken))
        {
            transactions.Add(Transaction.FromInvoice(account.TenantId, invoice));
        }
        await foreach (var charge in stripe.ListChargesAsync(account.StripeCustomerId, cancellationToken))
        {
            transactions.Add(Transaction.FromCharge(account.TenantId, charge));
        }
        return transactions;
    }
}
