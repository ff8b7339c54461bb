using System.Text.Json;
using PenguinMails.Admin.Events;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Subscription changes become <see cref="BillingStatusReported"/> on <c>tenant-status-changes</c>. With an API key the
/// subscription is re-fetched, so the status sent is Stripe's current one whatever order events arrive in. Without one
/// (the local default) the event's own signed object is used; either way the consumer ignores reports older than the
/// last one applied. The message id is the Stripe event id (duplicate detection).
/// </summary>
public sealed class SubscriptionEventHandler(IStripeBilling stripe, IStripeEventStore events, ITenantBillingDirectory directory, IIntegrationEventBus bus)
    : IStripeEventHandler
{
    public const string Deleted = "customer.subscription.deleted";

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        "customer.subscription.created", "customer.subscription.updated", "customer.subscription.paused",
        "customer.subscription.resumed", Deleted,
    ];

    public async Task<string> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        var subscription = await SubscriptionAsync(stripeEvent, cancellationToken);
        if (subscription is null && stripeEvent.Type != Deleted)
        {
            throw new InvalidOperationException($"Stripe has no subscription {stripeEvent.ObjectId} yet; retrying.");
        }
        var status = stripeEvent.Type == Deleted ? TenantBillingStatus.Closed : subscription!.TenantStatus;
        var customerId = subscription?.CustomerId ?? stripeEvent.CustomerId;
        var account = customerId is null ? null : await directory.FindByStripeCustomerIdAsync(customerId, cancellationToken);
        if (account is null)
        {
            return $"No tenant is linked to customer {customerId}; nothing to change.";
        }
        var report = new BillingStatusReported(account.TenantId, account.StripeCustomerId, stripeEvent.ObjectId,
            status.ToString().ToLowerInvariant(), stripeEvent.Id, stripeEvent.Created);
        var message = new IntegrationEvent(stripeEvent.Id, BillingStatusReported.EventType, stripeEvent.Created,
            JsonSerializer.SerializeToElement(report, JsonSerializerOptions.Web), stripeEvent.Id);
        await bus.PublishAsync(EventDestinations.TenantStatusChanges, message, cancellationToken);
        return $"Reported {report.Status} for tenant {account.TenantId} per subscription {stripeEvent.ObjectId}"
            + (stripe.IsConfigured ? "." : " (from the signed event; Stripe is not configured).");
    }

    private async Task<StripeSubscription?> SubscriptionAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken)
    {
        if (stripe.IsConfigured)
        {
            return await stripe.GetSubscriptionAsync(stripeEvent.ObjectId, cancellationToken);
        }
        var stored = await events.GetAsync(stripeEvent.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe event {stripeEvent.Id} is not stored.");
        return StripeEventPayload.Subscription(stored.Payload);
    }
}
