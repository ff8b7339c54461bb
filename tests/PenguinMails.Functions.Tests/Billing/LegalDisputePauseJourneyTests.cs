using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// Journey 6 across features: an onboarded tenant linked to Stripe through PUT /tenants/{id}/billing; finance opens a
/// dispute ticket and pauses the subscription in Stripe; the webhook makes the tenant Paused in the Tenants API.
/// </summary>
public sealed class LegalDisputePauseJourneyTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    [Fact]
    public async Task PausingInStripe_SetsTheOnboardedTenantToPaused()
    {
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var tenant = await (await admin.PostAsJsonAsync("/api/tenants", new
        {
            name = "Acme Mail", primaryDomain = $"acme{Guid.NewGuid():N}"[..20] + ".test", plan = "business", ownerEmail = "owner@acme.test",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var tenantId = tenant.GetProperty("id").GetString()!;
        (await admin.PostAsJsonAsync($"/api/tenants/{tenantId}/approve", new { reason = "verified" })).EnsureSuccessStatusCode();
        var customerId = "cus_" + Guid.NewGuid().ToString("N")[..14];
        (await admin.PutAsJsonAsync($"/api/tenants/{tenantId}/billing", new { stripeCustomerId = customerId, billingEmail = "billing@acme.test", taxId = (string?)null, currency = "usd" }))
            .EnsureSuccessStatusCode();

        var dispute = await (await admin.PostAsJsonAsync("/api/finance/disputes", new { tenantId, reason = "Legal dispute over October invoice" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Contains("Billing Dispute", dispute.ToString());

        var paused = factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "paused"));
        await factory.DeliverAsync(factory.CreateClient(), StripeWebhooks.Event("customer.subscription.paused", paused));

        await Eventually.TrueAsync(async () =>
            (await (await admin.GetAsync($"/api/tenants/{tenantId}")).ReadJsonAsync()).GetProperty("status").GetString() == "paused",
            TimeSpan.FromSeconds(60), "the tenant never became paused");
        var audit = await factory.WaitForAuditAsync(tenantId, "tenants.status.billing");
        Assert.Equal("stripe", audit.ActorId);
        Assert.Single(await factory.AuditAsync(tenantId), e => e.Action.Contains("status", StringComparison.Ordinal));
        var published = await TestEvents.FindAsync(factory, EventDestinations.TenantEvents, "TenantStatusChanged", "tenantId", tenantId);
        Assert.Single(published, e => e.GetProperty("data").GetProperty("trigger").GetString() == "billing");
        Assert.Empty(await TestEvents.FindAsync(factory, EventDestinations.TenantStatusChanges, "TenantStatusChanged", "tenantId", tenantId));
    }
}
