using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// Subscription events end to end on the default bus (storage queues): webhook, queue function, BillingStatusReported on
/// tenant-status-changes, the consumer, and the tenant's status with an audit event by "stripe".
/// </summary>
public sealed class SubscriptionWebhookTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("paused", null)]
    [InlineData("active", "void")]
    public async Task PausedSubscriptionOrPausedCollection_PausesTheTenant(string status, string? pauseBehavior)
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var subscription = factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, status, pauseBehavior));

        await factory.DeliverAsync(_client, StripeWebhooks.Event("customer.subscription.updated", subscription));

        await factory.WaitForStatusAsync(tenantId, TenantStatus.Paused);
        var change = await factory.WaitForAuditAsync(tenantId, "tenants.status.billing");
        Assert.Equal("stripe", change.ActorId);
    }

    [Fact]
    public async Task ResumedSubscription_MakesThePausedTenantActiveAgain()
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var paused = factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "paused"));
        await factory.DeliverAsync(_client, StripeWebhooks.Event("customer.subscription.paused", paused, created: DateTimeOffset.UtcNow.AddSeconds(-10)));
        await factory.WaitForStatusAsync(tenantId, TenantStatus.Paused);

        var resumed = factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "active"));
        await factory.DeliverAsync(_client, StripeWebhooks.Event("customer.subscription.resumed", resumed));

        await factory.WaitForStatusAsync(tenantId, TenantStatus.Active);
    }

    [Fact]
    public async Task DeletedSubscription_ClosesTheTenant()
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var canceled = factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "canceled"));

        await factory.DeliverAsync(_client, StripeWebhooks.Event("customer.subscription.deleted", canceled));

        await factory.WaitForStatusAsync(tenantId, TenantStatus.Closed);
    }

    [Fact]
    public async Task EventsInReversedOrder_LeaveTheNewestStatus()
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var subscriptionId = "sub_" + tenantId;
        var now = DateTimeOffset.UtcNow;
        // Stripe's current state: paused at t0, then resumed at t1. The resume arrives first.
        factory.Stripe.Put("subscriptions", StripeObjects.Subscription(subscriptionId, customerId, "active"));
        var resume = StripeWebhooks.Event("customer.subscription.resumed", StripeObjects.Subscription(subscriptionId, customerId), created: now);
        var pause = StripeWebhooks.Event("customer.subscription.paused", StripeObjects.Subscription(subscriptionId, customerId, "paused"),
            created: now.AddSeconds(-30));

        await factory.DeliverAsync(_client, resume);
        await factory.WaitForStatusAsync(tenantId, TenantStatus.Active);
        await factory.DeliverAsync(_client, pause);
        await Eventually.TrueAsync(async () => await TenantStatusQueueIsEmptyAsync());

        Assert.Equal(TenantStatus.Active, await factory.TenantStatusAsync(tenantId));
        var account = await factory.AccountAsync(tenantId);
        Assert.Equal(now.ToUnixTimeSeconds(), account.LastEventAsOf?.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task RedeliveredEvent_IsAppliedOnce()
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var subscription = factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "paused"));
        var payload = StripeWebhooks.Event("customer.subscription.updated", subscription);

        await factory.DeliverAsync(_client, payload);
        await factory.WaitForAuditAsync(tenantId, "tenants.status.billing");
        await StripeWebhooks.SendAsync(_client, payload);
        await Eventually.TrueAsync(async () => await TenantStatusQueueIsEmptyAsync());

        Assert.Single(await factory.AuditAsync(tenantId), e => e.Action == "tenants.status.billing");
    }

    [Fact]
    public async Task CustomerWithoutTenant_IsProcessedWithoutAnyChange()
    {
        var subscription = factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_orphan_" + Guid.NewGuid().ToString("N")[..6], "cus_orphan"));

        var stored = await factory.DeliverAsync(_client, StripeWebhooks.Event("customer.subscription.updated", subscription));

        Assert.Contains("No tenant is linked", stored.Detail);
    }

    private async Task<bool> TenantStatusQueueIsEmptyAsync()
    {
        var queue = factory.Services.GetRequiredService<StorageClients>().Queue(Admin.Events.EventDestinations.TenantStatusChanges);
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;
    }
}
