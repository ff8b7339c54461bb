using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

public static class BillingTestExtensions
{
    /// <summary>Sends a signed event and waits until the queue function has processed it.</summary>
    public static async Task<StoredStripeEvent> DeliverAsync(this BillingAppFactory factory, HttpClient client, string payload)
    {
        var body = await (await StripeWebhooks.SendAsync(client, payload)).ReadJsonAsync();
        var id = body.GetProperty("eventId").GetString()!;
        var store = factory.Services.GetRequiredService<IStripeEventStore>();
        StoredStripeEvent? stored = null;
        await Eventually.TrueAsync(async () => (stored = await store.GetAsync(id))?.Status == StripeEventStatus.Processed,
            because: $"Stripe event {id} was not processed");
        return stored!;
    }

    public static async Task<BillingAccount> AccountAsync(this BillingAppFactory factory, string tenantId) =>
        (await factory.Services.GetRequiredService<ITenantBillingDirectory>().GetAsync(tenantId))!;

    public static async Task WaitForStatusAsync(this BillingAppFactory factory, string tenantId, TenantBillingStatus status) =>
        await Eventually.TrueAsync(async () => (await factory.AccountAsync(tenantId)).Status == status,
            because: $"tenant {tenantId} did not become {status}");

    public static async Task<IReadOnlyList<AuditEvent>> AuditAsync(this AdminAppFactory factory, string targetId) =>
        (await factory.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(null, targetId, null, null, null), PageRequest.First()))
        .Items;
}
