using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// An event that cannot be processed is on the record as failed, listed for finance, and replayed from there. The test
/// plays the queue function itself (the trigger runner is off), so each attempt happens exactly when it says.
/// </summary>
public sealed class WebhookEventReplayTests : IDisposable
{
    private readonly ManualFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AFailedEvent_IsListedForFinance_AndItsReplayAppliesIt()
    {
        var (finance, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Finance);
        var (tenantId, customerId) = await _factory.NewTenantAsync();
        var subscription = StripeObjects.Subscription("sub_" + tenantId, customerId, "paused");
        var body = await (await StripeWebhooks.SendAsync(_factory.CreateClient(), StripeWebhooks.Event("customer.subscription.paused", subscription)))
            .ReadJsonAsync();
        var eventId = body.GetProperty("eventId").GetString()!;
        var processor = _factory.Services.GetRequiredService<StripeEventProcessor>();

        // Stripe doesn't have the subscription yet, so the handler's re-fetch fails.
        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(eventId));

        var failed = await (await finance.GetAsync("/api/finance/webhook-events?status=failed")).ReadJsonAsync();
        var listed = Assert.Single(failed.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == eventId);
        Assert.Equal("failed", listed.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Contains("no subscription", listed.GetProperty("detail").GetString());

        _factory.Stripe.Put("subscriptions", subscription);
        var replay = await finance.PostAsJsonAsync($"/api/finance/webhook-events/{eventId}/replay", new { reason = "Stripe has it now" });
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.NotNull(await processor.ProcessAsync(eventId));
        var message = Assert.Single(await TestEvents.FindAsync(_factory, EventDestinations.TenantStatusChanges, BillingStatusReported.EventType,
            "tenantId", tenantId));
        var report = message.GetProperty("data").Deserialize<BillingStatusReported>(JsonSerializerOptions.Web)!;
        Assert.True((await _factory.Services.GetRequiredService<BillingStatusService>().ApplyAsync(report, eventId)).Applied);

        Assert.Equal(TenantStatus.Paused, await _factory.TenantStatusAsync(tenantId));
        Assert.Single(await _factory.AuditAsync(eventId), e => e.Action == "finance.webhook-event.replay");
        await (await finance.PostAsJsonAsync($"/api/finance/webhook-events/{eventId}/replay", new { reason = "again" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "not_replayable");
        await (await finance.PostAsJsonAsync("/api/finance/webhook-events/evt_missing/replay", new { reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private sealed class ManualFactory() : BillingAppFactory(new FakeStripe(), new Dictionary<string, string?> { ["Triggers:RunLocally"] = "false" });
}
