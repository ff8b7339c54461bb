using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Tenants;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

public static class BillingTestExtensions
{
    /// <summary>Background work shares two cores with other test runs; allow for a slow machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Sends a signed event and waits until the queue function has processed it.</summary>
    public static async Task<StoredStripeEvent> DeliverAsync(this BillingAppFactory factory, HttpClient client, string payload)
    {
        var body = await (await StripeWebhooks.SendAsync(client, payload)).ReadJsonAsync();
        var id = body.GetProperty("eventId").GetString()!;
        var store = factory.Services.GetRequiredService<IStripeEventStore>();
        StoredStripeEvent? stored = null;
        await Eventually.TrueAsync(async () => (stored = await store.GetAsync(id))?.Status == StripeEventStatus.Processed, Patience,
            because: $"Stripe event {id} was not processed");
        return stored!;
    }

    public static async Task<BillingAccount> AccountAsync(this BillingAppFactory factory, string tenantId) =>
        (await factory.Services.GetRequiredService<ITenantBillingDirectory>().GetAsync(tenantId))!;

    /// <summary>The tenant's status, as the Tenants feature (its only owner) has it.</summary>
    public static async Task<TenantStatus> TenantStatusAsync(this AdminAppFactory factory, string tenantId) =>
        (await factory.Services.GetRequiredService<TenantService>().GetAsync(tenantId)).Value.Status;

    public static async Task WaitForStatusAsync(this AdminAppFactory factory, string tenantId, TenantStatus status) =>
        await Eventually.TrueAsync(async () => await factory.TenantStatusAsync(tenantId) == status, Patience,
            because: $"tenant {tenantId} did not become {status}");

    /// <summary>Waits for the audit event that a background function appends after its change.</summary>
    public static async Task<AuditEvent> WaitForAuditAsync(this AdminAppFactory factory, string targetId, string action)
    {
        AuditEvent? found = null;
        await Eventually.TrueAsync(async () => (found = (await factory.AuditAsync(targetId)).FirstOrDefault(e => e.Action == action)) is not null,
            Patience, because: $"no {action} audit event for {targetId}");
        return found!;
    }

    public static async Task<IReadOnlyList<AuditEvent>> AuditAsync(this AdminAppFactory factory, string targetId) =>
        (await factory.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(null, targetId, null, null, null), PageRequest.First()))
        .Items;
}
