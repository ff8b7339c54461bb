namespace PenguinMails.Admin.Billing;

/// <summary>A tenant's billing as Stripe has it now: the account link, subscriptions and recent invoices.</summary>
public sealed record TenantBillingOverview(
    BillingAccount Account,
    IReadOnlyList<StripeSubscription> Subscriptions,
    IReadOnlyList<StripeInvoice> Invoices,
    bool TestMode);
