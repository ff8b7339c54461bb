using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;
using PenguinMails.Functions.Tests.Events;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// The pause story end to end with Bus__Kind=ServiceBus: a signed webhook, the queue function, TenantStatusChanged over
/// the Service Bus SDK to the in-test Service Bus peer (AMQP 1.0), the Service Bus-triggered consumer, and the tenant
/// paused.
/// </summary>
public sealed class PauseStoryOverServiceBusTests : IDisposable
{
    private readonly FakeServiceBus _broker = WithEveryDestination();
    private readonly ServiceBusFactory _factory;

    public PauseStoryOverServiceBusTests() => _factory = new ServiceBusFactory(_broker);

    public void Dispose()
    {
        _factory.Dispose();
        _broker.Dispose();
    }

    [Fact]
    public async Task SubscriptionPausedWebhook_PausesTheTenantThroughServiceBus()
    {
        Assert.IsType<ServiceBusEventBus>(_factory.Services.GetRequiredService<IIntegrationEventBus>());
        var (tenantId, customerId) = await _factory.NewTenantAsync();
        var subscription = _factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "paused"));
        var payload = StripeWebhooks.Event("customer.subscription.paused", subscription);

        var stored = await _factory.DeliverAsync(_factory.CreateClient(), payload);

        await _factory.WaitForStatusAsync(tenantId, TenantBillingStatus.Paused);
        var audit = await _factory.WaitForAuditAsync(tenantId, "tenant.status.billing");
        Assert.Equal("stripe", audit.ActorId);
        Assert.Equal(stored.Event.Id, (await _factory.AccountAsync(tenantId)).StatusEventId);
    }

    private static FakeServiceBus WithEveryDestination()
    {
        var broker = new FakeServiceBus();
        foreach (var destination in EventDestinations.All)
        {
            broker.AddQueue(destination);
        }
        return broker;
    }

    private sealed class ServiceBusFactory(FakeServiceBus broker) : BillingAppFactory(new FakeStripe(), new Dictionary<string, string?>
    {
        ["Bus:Kind"] = "ServiceBus",
        ["ServiceBus:ConnectionString"] = broker.ConnectionString,
    });
}
