using PenguinMails.Admin.Billing;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>Maps Stripe.net objects to the core's Stripe-free records.</summary>
public static class StripeObjectMapper
{
    public static StripeSubscription ToSubscription(Stripe.Subscription s) => new(s.Id, s.CustomerId, s.Status, s.PauseCollection?.Behavior,
        s.CancelAtPeriodEnd, Utc(s.Created), s.Livemode);

    public static StripeInvoice ToInvoice(Stripe.Invoice i) => new(i.Id, i.CustomerId, i.Number, i.Status ?? "draft", i.Total, i.AmountPaid,
        i.Currency, Utc(i.Created), i.StatusTransitions?.PaidAt is { } paid ? Utc(paid) : null,
        i.Parent?.SubscriptionDetails?.SubscriptionId, i.HostedInvoiceUrl, i.Livemode);

    public static StripeCharge ToCharge(Stripe.Charge c) => new(c.Id, c.CustomerId, c.Amount, c.AmountRefunded, c.Currency, c.Status,
        c.Refunded, c.Disputed, Utc(c.Created), c.PaymentIntentId, c.Livemode);

    public static StripeRefund ToRefund(Stripe.Refund r) => new(r.Id, r.ChargeId, r.Status, r.Amount, r.FailureReason, Utc(r.Created));

    public static StripeDispute ToDispute(Stripe.Dispute d) => new(d.Id, d.ChargeId, d.Status, d.Reason, d.Amount, d.Currency,
        d.EvidenceDetails?.DueBy is { } due ? Utc(due) : null, Utc(d.Created), d.Livemode);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
