using System.Text.Json;
using PenguinMails.Admin.Events;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Subscription changes become <see cref="TenantStatusChanged"/> on <c>tenant-status-changes</c>. The subscription is
/// re-fetched, so the status sent is Stripe's current one whatever order events arrive in; the consumer also ignores
/// changes older than the last one applied. The message id is the Stripe event id (duplicate detection).
/// </summary>
public sealed class SubscriptionEventHandler(IStripeBilling stripe, ITenantBillingDirectory directory, IIntegrationEventBus bus) : IStripeEventHandler
{
    public const string Deleted = "customer.subscription.deleted";

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        "customer.subscription.created", "customer.subscription.updated", "customer.subscription.paused",
        "customer.subscription.resumed", Deleted,
    ];

    public async Task<string> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        var subscription = await stripe.GetSubscriptionAsync(stripeEvent.ObjectId, cancellationToken);
        if (subscription is null && stripeEvent.Type != Deleted)
        {
            throw new InvalidOperationException($"Stripe has no subscription {stripeEvent.ObjectId} yet; retrying.");
        }
        var status = subscription?.TenantStatus ?? TenantBillingStatus.Closed;
        var customerId = subscription?.CustomerId ?? stripeEvent.CustomerId;
        var account = customerId is null ? null : await directory.FindByStripeCustomerIdAsync(customerId, cancellationToken);
        if (account is null)
        {
            return $"No tenant is linked to customer {customerId}; nothing to change.";
        }
        var change = new TenantStatusChanged(account.TenantId, account.StripeCustomerId, stripeEvent.ObjectId,
            status.ToString().ToLowerInvariant(), stripeEvent.Id, stripeEvent.Created);
        var message = new IntegrationEvent(stripeEvent.Id, TenantStatusChanged.EventType, stripeEvent.Created,
            JsonSerializer.SerializeToElement(change, JsonSerializerOptions.Web), stripeEvent.Id);
        await bus.PublishAsync(EventDestinations.TenantStatusChanges, message, cancellationToken);
        return $"Published TenantStatusChanged: tenant {account.TenantId} is {change.Status} per subscription {stripeEvent.ObjectId}.";
    }
}
