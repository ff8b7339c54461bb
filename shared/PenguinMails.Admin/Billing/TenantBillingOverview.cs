using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// A tenant's billing: the account link, the tenant's status (the Tenants feature's), subscriptions and recent invoices.
/// With Stripe configured they are Stripe's now; without it the invoices are our mirror's and there are no subscriptions.
/// </summary>
public sealed record TenantBillingOverview(
    BillingAccount Account,
    TenantStatus? Status,
    IReadOnlyList<StripeSubscription> Subscriptions,
    IReadOnlyList<StripeInvoice> Invoices,
    bool TestMode,
    bool StripeConfigured);
