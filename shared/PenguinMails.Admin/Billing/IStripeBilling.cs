namespace PenguinMails.Admin.Billing;

/// <summary>
/// Reads billing objects from Stripe. Webhook handlers re-fetch through it instead of trusting the event payload,
/// so arrival order does not matter. When Stripe is not configured every call fails with 503 <c>stripe_not_configured</c>.
/// Getters return null for an object Stripe does not have.
/// </summary>
public interface IStripeBilling
{
    /// <summary>False when no secret key is set: every call below then fails with 503 <c>stripe_not_configured</c>.</summary>
    bool IsConfigured { get; }

    /// <summary>True for test-mode keys: dashboard links then point at /test/.</summary>
    bool IsTestMode { get; }

    Task<StripeSubscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StripeSubscription>> ListSubscriptionsAsync(string customerId, CancellationToken cancellationToken = default);

    Task<StripeInvoice?> GetInvoiceAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every invoice of the customer, newest first, following Stripe's pages.</summary>
    IAsyncEnumerable<StripeInvoice> ListInvoicesAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the charges that paid an invoice (its invoice payments).</summary>
    Task<IReadOnlyList<string>> ListInvoiceChargeIdsAsync(string invoiceId, CancellationToken cancellationToken = default);

    Task<StripeCharge?> GetChargeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every charge of the customer, newest first, following Stripe's pages.</summary>
    IAsyncEnumerable<StripeCharge> ListChargesAsync(string customerId, CancellationToken cancellationToken = default);

    Task<StripeRefund?> GetRefundAsync(string id, CancellationToken cancellationToken = default);

    Task<StripeDispute?> GetDisputeAsync(string id, CancellationToken cancellationToken = default);
}
