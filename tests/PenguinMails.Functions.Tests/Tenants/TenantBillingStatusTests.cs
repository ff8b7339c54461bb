using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Tenants;

/// <summary>The core method the Finance feature calls when Stripe pauses, resumes or deletes a subscription.</summary>
public sealed class TenantBillingStatusTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private TenantService Service => factory.Services.GetRequiredService<TenantService>();

    [Fact]
    public async Task Billing_PausesAndResumesAnActiveTenant_Idempotently_WithAnAuditedSystemActor()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var id = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var stripe = Actor.System("stripe");

        var (paused, changed) = await Service.SetStatusFromBillingAsync(stripe, id, TenantStatus.Paused, "customer.subscription.paused");
        Assert.True(changed);
        Assert.Equal(TenantStatus.Paused, paused.Value.Status);
        var (_, again) = await Service.SetStatusFromBillingAsync(stripe, id, TenantStatus.Paused, "customer.subscription.paused");
        Assert.False(again);
        var (resumed, _) = await Service.SetStatusFromBillingAsync(stripe, id, TenantStatus.Active, "customer.subscription.resumed");
        Assert.Equal(TenantStatus.Active, resumed.Value.Status);

        var events = await TestEvents.FindAsync(factory, EventDestinations.TenantEvents, TenantStatusChanged.EventType, "tenantId", id);
        Assert.Equal(["active", "paused", "active"], events.Select(e => e.GetProperty("data").GetProperty("to").GetString()));
        var audit = await (await client.GetAsync($"/api/audit?targetId={id}&action=tenants.status.billing")).ReadJsonAsync();
        Assert.All(audit.GetProperty("items").EnumerateArray(), e => Assert.Equal("system:stripe", e.GetProperty("actorId").GetString()));
        Assert.Equal(2, audit.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Billing_CannotResumeATenantStaffSuspended()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var id = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        await (await client.PatchAsJsonAsync($"/api/tenants/{id}", new { status = "suspended", reason = "abuse" })).ReadJsonAsync();

        var error = await Assert.ThrowsAsync<AdminException>(() =>
            Service.SetStatusFromBillingAsync(Actor.System("stripe"), id, TenantStatus.Active, "customer.subscription.resumed"));
        Assert.Equal("invalid_transition", error.Code);
        var tenant = await (await client.GetAsync($"/api/tenants/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("suspended", tenant.GetProperty("status").GetString());
    }
}
