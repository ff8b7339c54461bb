using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// The pause story end to end with Bus__Kind=ServiceBus: a signed webhook, the queue function, BillingStatusReported over
/// AMQP 1.0 to RabbitMQ, the Service Bus-triggered consumer, and the tenant paused.
/// </summary>
public sealed class PauseStoryOverServiceBusTests : IDisposable
{
    private readonly ServiceBusFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SubscriptionPausedWebhook_PausesTheTenantThroughServiceBus()
    {
        Assert.IsType<ServiceBusEventBus>(_factory.Services.GetRequiredService<IIntegrationEventBus>());
        var (tenantId, customerId) = await _factory.NewTenantAsync();
        var subscription = _factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "paused"));
        var payload = StripeWebhooks.Event("customer.subscription.paused", subscription);

        var stored = await _factory.DeliverAsync(_factory.CreateClient(), payload);

        await _factory.WaitForStatusAsync(tenantId, TenantStatus.Paused);
        var audit = await _factory.WaitForAuditAsync(tenantId, "tenants.status.billing");
        Assert.Equal("stripe", audit.ActorId);
        Assert.Equal(stored.Event.Id, (await _factory.AccountAsync(tenantId)).LastEventId);
    }

    private sealed class ServiceBusFactory() : BillingAppFactory(new FakeStripe(), new Dictionary<string, string?>
    {
        ["Bus:Kind"] = "ServiceBus",
        ["ServiceBus:ConnectionString"] = TestEnvironment.AmqpAddress,
        ["ServiceBus:AddressPrefix"] = "/queue/pm" + Guid.NewGuid().ToString("N")[..8] + "-",
    });
}
