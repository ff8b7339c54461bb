using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Tenants;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// Journey 6 on the run command's defaults: a webhook signing secret but no Stripe API key. A verified event is
/// applied from its own signed object, ordered by its <c>created</c> time, and the Tenants feature moves the tenant.
/// </summary>
public sealed class KeylessPauseJourneyTests : IDisposable
{
    private readonly KeylessFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WithoutAStripeKey_ASignedPauseCollectionEvent_PausesTheTenant_WithOneAuditEventAndOnePublishedEvent()
    {
        var (tenantId, customerId) = await _factory.NewTenantAsync();
        var subscription = StripeObjects.Subscription("sub_" + tenantId, customerId, "active", "void");

        var stored = await _factory.DeliverAsync(_factory.CreateClient(), StripeWebhooks.Event("customer.subscription.updated", subscription));

        Assert.Contains("from the signed event", stored.Detail);
        await _factory.WaitForStatusAsync(tenantId, TenantStatus.Paused);
        var audit = await _factory.WaitForAuditAsync(tenantId, "tenants.status.billing");
        Assert.Equal("stripe", audit.ActorId);
        Assert.Single(await _factory.AuditAsync(tenantId), e => e.Action.Contains("status", StringComparison.Ordinal));
        var published = await TestEvents.FindAsync(_factory, EventDestinations.TenantEvents, "TenantStatusChanged", "tenantId", tenantId);
        var fromBilling = Assert.Single(published, e => e.GetProperty("data").GetProperty("trigger").GetString() == "billing");
        Assert.Equal("paused", fromBilling.GetProperty("data").GetProperty("to").GetString());
    }

    [Fact]
    public async Task WithoutAStripeKey_AnOlderEventNeverOverwritesANewerOne()
    {
        var (tenantId, customerId) = await _factory.NewTenantAsync();
        var now = DateTimeOffset.UtcNow;
        var pause = StripeWebhooks.Event("customer.subscription.updated", StripeObjects.Subscription("sub_" + tenantId, customerId, "paused"), created: now);
        var olderActive = StripeWebhooks.Event("customer.subscription.updated", StripeObjects.Subscription("sub_" + tenantId, customerId, "active"),
            created: now.AddSeconds(-60));

        await _factory.DeliverAsync(_factory.CreateClient(), pause);
        await _factory.WaitForStatusAsync(tenantId, TenantStatus.Paused);
        var late = await _factory.DeliverAsync(_factory.CreateClient(), olderActive);
        await Eventually.TrueAsync(async () => (await _factory.AccountAsync(tenantId)).LastEventId is not null
            && await TenantStatusQueueIsEmptyAsync(), BillingTestExtensions.Patience, "the late report was not consumed");

        Assert.Equal(TenantStatus.Paused, await _factory.TenantStatusAsync(tenantId));
        Assert.NotEqual(late.Event.Id, (await _factory.AccountAsync(tenantId)).LastEventId);
        Assert.Single(await _factory.AuditAsync(tenantId), e => e.Action == "tenants.status.billing");
    }

    private async Task<bool> TenantStatusQueueIsEmptyAsync()
    {
        var queue = _factory.Services.GetRequiredService<Admin.Infrastructure.Storage.StorageClients>().Queue(EventDestinations.TenantStatusChanges);
        var properties = (await queue.GetPropertiesAsync()).Value;
        return properties.ApproximateMessagesCount == 0;
    }

    private sealed class KeylessFactory() : BillingAppFactory(new FakeStripe(), new Dictionary<string, string?> { ["Stripe:SecretKey"] = "" });
}
