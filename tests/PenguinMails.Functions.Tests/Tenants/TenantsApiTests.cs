using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Tenants;

public sealed class TenantsApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<HttpClient> AdminAsync() => (await TestStaff.SignInAsync(factory, RoleCatalog.Admin)).Client;

    [Fact]
    public async Task NewTenant_IsPendingWithDefaults_AndAudited()
    {
        var client = await AdminAsync();
        var tenant = await TenantTestData.CreateAsync(client, "Acme Mail");
        var id = tenant.GetProperty("id").GetString();

        Assert.Equal("pending", tenant.GetProperty("status").GetString());
        Assert.Equal("UTC", tenant.GetProperty("settings").GetProperty("timezone").GetString());
        Assert.Equal("usd", tenant.GetProperty("billing").GetProperty("currency").GetString());
        Assert.True(tenant.GetProperty("communicationPreferences").GetProperty("securityNotices").GetBoolean());
        var audit = await (await client.GetAsync($"/api/audit?targetId={id}")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "tenants.create");
    }

    [Fact]
    public async Task CreatingWithBadFields_ListsEveryFieldError()
    {
        var client = await AdminAsync();
        var response = await client.PostAsJsonAsync("/api/tenants", new { name = "", primaryDomain = "not a domain", plan = "Gold Plan!", ownerEmail = "nope" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "primaryDomain", "plan", "ownerEmail" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task CreatingWithATakenPrimaryDomain_IsConflict()
    {
        var client = await AdminAsync();
        var first = await TenantTestData.CreateAsync(client);
        var response = await client.PostAsJsonAsync("/api/tenants",
            new { name = "Copycat", primaryDomain = first.GetProperty("primaryDomain").GetString(), plan = "free", ownerEmail = "x@copycat.example.com" });
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Approving_ActivatesAndPublishesTenantStatusChanged_AndASecondApprovalIsAnInvalidTransition()
    {
        var client = await AdminAsync();
        var id = (await TenantTestData.CreateAsync(client)).GetProperty("id").GetString()!;

        var approved = await (await client.PostAsync($"/api/tenants/{id}/approve", null)).ReadJsonAsync();
        Assert.Equal("active", approved.GetProperty("status").GetString());
        var events = await TestEvents.FindAsync(factory, EventDestinations.TenantEvents, "TenantStatusChanged", "tenantId", id);
        var data = Assert.Single(events).GetProperty("data");
        Assert.Equal("pending", data.GetProperty("from").GetString());
        Assert.Equal("active", data.GetProperty("to").GetString());

        var again = await client.PostAsJsonAsync($"/api/tenants/{id}/approve", new { reason = "twice" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task Rejecting_NeedsAReason_AndIsFinal()
    {
        var client = await AdminAsync();
        var id = (await TenantTestData.CreateAsync(client)).GetProperty("id").GetString()!;

        await (await client.PostAsJsonAsync($"/api/tenants/{id}/reject", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var rejected = await (await client.PostAsJsonAsync($"/api/tenants/{id}/reject", new { reason = "fraudulent sign-up" })).ReadJsonAsync();
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());

        await (await client.PostAsync($"/api/tenants/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        var settings = new { timezone = "UTC", dailySendLimit = 5, dataRetentionDays = 30, trackingEnabled = false };
        await (await client.PutAsJsonAsync($"/api/tenants/{id}/settings", settings)).AssertProblemAsync(HttpStatusCode.Conflict, "tenant_closed");
    }

    [Fact]
    public async Task Patch_ChangesOnlySettableFields_AndHonoursIfMatch()
    {
        var client = await AdminAsync();
        var id = (await TenantTestData.CreateAsync(client)).GetProperty("id").GetString()!;
        var read = await client.GetAsync($"/api/tenants/{id}");
        var etag = read.Headers.ETag!.Tag;

        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/tenants/{id}") { Content = JsonContent.Create(new { plan = "enterprise" }) };
        patch.Headers.IfMatch.ParseAdd(etag);
        var patched = await (await client.SendAsync(patch)).ReadJsonAsync();
        Assert.Equal("enterprise", patched.GetProperty("plan").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/tenants/{id}") { Content = JsonContent.Create(new { plan = "free" }) };
        stale.Headers.IfMatch.ParseAdd(etag);
        await (await client.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");

        var sneaky = await client.PatchAsJsonAsync($"/api/tenants/{id}", new { createdAt = DateTimeOffset.UnixEpoch });
        await sneaky.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
    }

    [Fact]
    public async Task StaffStatusChanges_FollowTheStateMachine()
    {
        var client = await AdminAsync();
        var pending = (await TenantTestData.CreateAsync(client)).GetProperty("id").GetString()!;
        var toActive = await client.PatchAsJsonAsync($"/api/tenants/{pending}", new { status = "active", reason = "skip onboarding" });
        await toActive.AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        var id = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var noReason = await client.PatchAsJsonAsync($"/api/tenants/{id}", new { status = "suspended" });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var suspended = await (await client.PatchAsJsonAsync($"/api/tenants/{id}", new { status = "suspended", reason = "abuse report" })).ReadJsonAsync();
        Assert.Equal("suspended", suspended.GetProperty("status").GetString());
        var closed = await (await client.PatchAsJsonAsync($"/api/tenants/{id}", new { status = "closed", reason = "contract ended" })).ReadJsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        var reopen = await client.PatchAsJsonAsync($"/api/tenants/{id}", new { status = "active", reason = "oops" });
        await reopen.AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        var unknown = await client.PatchAsJsonAsync($"/api/tenants/{pending}", new { status = "sleeping", reason = "x" });
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task SettingsBillingAndPreferences_AreReplacedAndValidated()
    {
        var client = await AdminAsync();
        var id = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;

        var settings = await (await client.PutAsJsonAsync($"/api/tenants/{id}/settings",
            new { timezone = "Europe/Paris", dailySendLimit = 50_000, dataRetentionDays = 90, trackingEnabled = false })).ReadJsonAsync();
        Assert.Equal("Europe/Paris", settings.GetProperty("settings").GetProperty("timezone").GetString());
        var billing = await (await client.PutAsJsonAsync($"/api/tenants/{id}/billing",
            new { stripeCustomerId = "cus_Abc123", billingEmail = "ap@acme.example.com", taxId = "FR123", currency = "EUR" })).ReadJsonAsync();
        Assert.Equal("cus_Abc123", billing.GetProperty("billing").GetProperty("stripeCustomerId").GetString());
        Assert.Equal("eur", billing.GetProperty("billing").GetProperty("currency").GetString());
        var prefs = await (await client.PutAsJsonAsync($"/api/tenants/{id}/communication-preferences",
            new { contactEmail = "ops@acme.example.com", productUpdates = false, maintenanceNotices = true, billingNotices = true, securityNotices = true }))
            .ReadJsonAsync();
        Assert.False(prefs.GetProperty("communicationPreferences").GetProperty("productUpdates").GetBoolean());

        var badSettings = await client.PutAsJsonAsync($"/api/tenants/{id}/settings",
            new { timezone = "Mars/Olympus", dailySendLimit = -1, dataRetentionDays = 0, trackingEnabled = true });
        var errors = (await badSettings.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("timezone", out _) && errors.TryGetProperty("dailySendLimit", out _) && errors.TryGetProperty("dataRetentionDays", out _));
        var badBilling = await client.PutAsJsonAsync($"/api/tenants/{id}/billing",
            new { stripeCustomerId = "acct_1", billingEmail = "x", taxId = (string?)null, currency = "dollars" });
        await badBilling.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var badPrefs = await client.PutAsJsonAsync($"/api/tenants/{id}/communication-preferences",
            new { contactEmail = (string?)null, productUpdates = true, maintenanceNotices = true, billingNotices = true, securityNotices = false });
        await badPrefs.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var missing = await client.PutAsJsonAsync($"/api/tenants/{id}/settings", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByStatusAndNamePrefix_AndPages()
    {
        var client = await AdminAsync();
        var marker = "Zeta" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            await TenantTestData.CreateAsync(client, $"{marker} {i}");
        }
        await TenantTestData.CreateActiveAsync(client, $"{marker} active");

        var first = await (await client.GetAsync($"/api/tenants?q={marker.ToLowerInvariant()}&status=pending&pageSize=2")).ReadJsonAsync();
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await client.GetAsync($"/api/tenants?q={marker.ToLowerInvariant()}&status=pending&pageSize=2&cursor={Uri.EscapeDataString(cursor!)}"))
            .ReadJsonAsync();
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(3, all.Count);
        Assert.All(all, t => Assert.Equal("pending", t.GetProperty("status").GetString()));

        await (await client.GetAsync("/api/tenants?status=asleep")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.GetAsync($"/api/tenants?status=active&cursor={Uri.EscapeDataString(cursor!)}")).AssertProblemAsync(HttpStatusCode.BadRequest,
            "validation_failed");
    }

    [Fact]
    public async Task ListWithoutFilters_ShowsTenantsOnly_NotTheirDomainClaims()
    {
        var client = await AdminAsync();
        var tenant = await TenantTestData.CreateAsync(client);

        var page = await (await client.GetAsync("/api/tenants?pageSize=500")).ReadJsonAsync();

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, t => t.GetProperty("id").GetString() == tenant.GetProperty("id").GetString());
        Assert.All(items, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("status").GetString())));
    }

    [Fact]
    public async Task UnknownTenant_IsNotFound()
    {
        var client = await AdminAsync();
        await (await client.GetAsync("/api/tenants/doesnotexist")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync("/api/tenants/not-a-key")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsync("/api/tenants/doesnotexist/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task SupportAgentsRead_ButOnlyAdminsApproveOrEdit()
    {
        var admin = await AdminAsync();
        var id = (await TenantTestData.CreateAsync(admin)).GetProperty("id").GetString();
        var (agent, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var (manager, _) = await TestStaff.SignInAsync(factory, RoleCatalog.UserManager);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/tenants/{id}")).StatusCode);
        await (await agent.PatchAsJsonAsync($"/api/tenants/{id}", new { plan = "free" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await manager.PostAsync($"/api/tenants/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
