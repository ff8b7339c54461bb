using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Billing;

public sealed record SubscriptionResponse(string Id, string Status, string? PauseCollection, bool CancelAtPeriodEnd, TenantBillingStatus TenantStatus,
    DateTimeOffset Created, bool Livemode, string StripeDashboardUrl)
{
    public static SubscriptionResponse From(StripeSubscription s) => new(s.Id, s.Status, s.PauseCollectionBehavior, s.CancelAtPeriodEnd,
        s.TenantStatus, s.Created, s.Livemode, StripeDashboardLinks.Subscription(s.Id, !s.Livemode));
}

public sealed record InvoiceResponse(string Id, string? Number, string Status, long Total, long AmountPaid, string Currency, DateTimeOffset Created,
    DateTimeOffset? PaidAt, string? SubscriptionId, string? HostedInvoiceUrl, string StripeDashboardUrl)
{
    public static InvoiceResponse From(StripeInvoice i) => new(i.Id, i.Number, i.Status, i.Total, i.AmountPaid, i.Currency, i.Created, i.PaidAt,
        i.SubscriptionId, i.HostedInvoiceUrl, StripeDashboardLinks.Invoice(i.Id, !i.Livemode));
}

/// <summary>
/// <c>status</c> is the tenant's (the Tenants feature owns it); <c>statusAsOf</c> is the creation time of the last Stripe
/// event applied. Without Stripe, <c>stripeConfigured</c> is false and <c>needsStripe</c> lists what is missing.
/// </summary>
public sealed record BillingResponse(string TenantId, string StripeCustomerId, string? Status, DateTimeOffset? StatusAsOf, string? LastStripeEventId,
    bool TestMode, bool StripeConfigured, IReadOnlyList<string> NeedsStripe, string StripeDashboardUrl, SubscriptionResponse? Subscription,
    IReadOnlyList<SubscriptionResponse> Subscriptions, IReadOnlyList<InvoiceResponse> Invoices)
{
    public static BillingResponse From(TenantBillingOverview o)
    {
        // The subscription that matters is the newest one still running; failing that, the newest one.
        var current = o.Subscriptions.OrderByDescending(s => s.TenantStatus != TenantBillingStatus.Closed).ThenByDescending(s => s.Created)
            .FirstOrDefault();
        return new BillingResponse(o.Account.TenantId, o.Account.StripeCustomerId, o.Status is { } status ? TenantStatusMachine.Name(status) : null,
            o.Account.LastEventAsOf, o.Account.LastEventId, o.TestMode, o.StripeConfigured, o.StripeConfigured ? [] : FinanceService.NeedsStripe,
            StripeDashboardLinks.Customer(o.Account.StripeCustomerId, o.TestMode), current is null ? null : SubscriptionResponse.From(current),
            o.Subscriptions.Select(SubscriptionResponse.From).ToList(), o.Invoices.Select(InvoiceResponse.From).ToList());
    }
}

public sealed record TransactionResponse(string Id, TransactionKind Kind, long Amount, long AmountRefunded, string Currency, string Status,
    DateTimeOffset Created, string StripeDashboardUrl)
{
    public static TransactionResponse From(Transaction t) => new(t.Id, t.Kind, t.Amount, t.AmountRefunded, t.Currency, t.Status, t.Created,
        StripeDashboardLinks.For(t.Kind, t.Id, !t.Livemode));
}

public sealed record MismatchResponse(string Id, TransactionKind Kind, string Field, string Local, string Stripe, string StripeDashboardUrl);

public sealed record ReconcileResponse(string TenantId, IReadOnlyList<TransactionResponse> Matched, IReadOnlyList<TransactionResponse> MissingLocally,
    IReadOnlyList<TransactionResponse> MissingInStripe, IReadOnlyList<MismatchResponse> Mismatched)
{
    public static ReconcileResponse From(string tenantId, ReconciliationReport r, bool testMode) => new(tenantId,
        r.Matched.Select(TransactionResponse.From).ToList(), r.MissingLocally.Select(TransactionResponse.From).ToList(),
        r.MissingInStripe.Select(TransactionResponse.From).ToList(),
        r.Mismatched.Select(m => new MismatchResponse(m.Id, m.Kind, m.Field, m.Local, m.Stripe, StripeDashboardLinks.For(m.Kind, m.Id, testMode)))
            .ToList());
}

public sealed record SyncRequest(string? Reason = null);

public sealed record DisputeRequest(string? TenantId = null, string? Reason = null);

public sealed record RefundRequestBody(string? TenantId = null, string? InvoiceId = null, string? Reason = null);

/// <summary>A refund request as GET /finance/refunds/{id} shows it: a view of its workflow (<c>id</c> is the workflow id).</summary>
public sealed record RefundResponse(string Id, string TenantId, string InvoiceId, RefundRequestStatus Status, string? DuplicateChargeId,
    string? TicketId, string? Outcome, string Reason, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? RemindedAt, DateTimeOffset? EscalatedAt, DateTimeOffset? CustomerNotificationDueAt, string? NotificationTicketId,
    string? CustomStatus, string StatusUrl, IReadOnlyList<RefundStepResponse> History)
{
    public static RefundResponse From(RefundRequest r) => new(r.Id, r.TenantId, r.InvoiceId, r.Status, r.DuplicateChargeId, r.TicketId, r.Outcome,
        r.Reason, r.RequestedBy, r.CreatedAt, r.UpdatedAt, r.RemindedAt, r.EscalatedAt, r.CustomerNotificationDueAt, r.NotificationTicketId,
        r.CustomStatus, WorkflowUrls.Status(r.Id), r.History.Select(h => new RefundStepResponse(h.Name, h.At, h.Detail)).ToList());
}

public sealed record RefundStepResponse(string Name, DateTimeOffset At, string? Detail);

public sealed record ReplayRequest(string? Reason = null);

public sealed record WebhookEventResponse(string Id, string Type, DateTimeOffset Created, string ObjectId, string? CustomerId, StripeEventStatus Status,
    string? Detail, DateTimeOffset ReceivedAt)
{
    public static WebhookEventResponse From(StoredStripeEvent e) =>
        new(e.Event.Id, e.Event.Type, e.Event.Created, e.Event.ObjectId, e.Event.CustomerId, e.Status, e.Detail, e.ReceivedAt);
}
