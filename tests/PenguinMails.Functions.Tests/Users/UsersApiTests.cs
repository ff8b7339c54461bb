using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;

namespace PenguinMails.Functions.Tests.Users;

public sealed class UsersApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<(HttpClient Client, string TenantId)> AdminWithTenantAsync()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        return (client, (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task EmailIsUniquePerTenant_NotAcrossTenants()
    {
        var (client, tenant) = await AdminWithTenantAsync();
        var other = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var user = await UserTestData.CreateAsync(client, tenant, "Ada@Example.com");
        Assert.Equal("ada@example.com", user.GetProperty("email").GetString());
        Assert.Equal("active", user.GetProperty("status").GetString());

        var duplicate = await client.PostAsJsonAsync("/api/users", new { tenantId = tenant, email = "ada@example.com", displayName = "Ada 2", role = "member" });
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await UserTestData.CreateAsync(client, other, "ada@example.com");
    }

    [Fact]
    public async Task CreatingWithBadInput_IsRejected()
    {
        var (client, tenant) = await AdminWithTenantAsync();
        var bad = await client.PostAsJsonAsync("/api/users", new { tenantId = tenant, email = "nope", displayName = "", role = "wizard" });
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _) && errors.TryGetProperty("displayName", out _) && errors.TryGetProperty("role", out _));
        var noTenant = await client.PostAsJsonAsync("/api/users", new { tenantId = "000000000000000000000000", email = "a@example.com", displayName = "A", role = "member" });
        Assert.True((await noTenant.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("tenantId", out _));

        var rejected = (await TenantTestData.CreateAsync(client)).GetProperty("id").GetString();
        await client.PostAsJsonAsync($"/api/tenants/{rejected}/reject", new { reason = "spam" });
        var closed = await client.PostAsJsonAsync("/api/users", new { tenantId = rejected, email = "a@example.com", displayName = "A", role = "member" });
        await closed.AssertProblemAsync(HttpStatusCode.Conflict, "tenant_closed");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/users", new { })).StatusCode);
    }

    [Fact]
    public async Task Patch_ChangesOnlySettableFields_WithIfMatch_AndMovesTheEmailClaim()
    {
        var (client, tenant) = await AdminWithTenantAsync();
        var id = (await UserTestData.CreateAsync(client, tenant, "old@example.com")).Id();
        var read = await client.GetAsync($"/api/users/{id}");
        var etag = read.Headers.ETag!.ToString();

        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{id}") { Content = JsonContent.Create(new { email = "new@example.com", role = "admin" }) };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        var patched = await (await client.SendAsync(patch)).ReadJsonAsync();
        Assert.Equal(("new@example.com", "admin"), (patched.GetProperty("email").GetString(), patched.GetProperty("role").GetString()));

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{id}") { Content = JsonContent.Create(new { displayName = "X" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await client.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await client.PatchAsJsonAsync($"/api/users/{id}", new { status = "banned" })).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
        await (await client.PatchAsJsonAsync($"/api/users/{id}", new { tenantId = tenant })).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
        await (await client.PatchAsJsonAsync($"/api/users/{id}", new { role = "god" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        // The old address is free again in this tenant; the new one is taken.
        await UserTestData.CreateAsync(client, tenant, "old@example.com");
        var taken = await client.PostAsJsonAsync("/api/users", new { tenantId = tenant, email = "new@example.com", displayName = "N", role = "member" });
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Banning_RevokesSessions_PublishesUserBanned_AndIsAudited()
    {
        var (client, tenant) = await AdminWithTenantAsync();
        var id = (await UserTestData.CreateAsync(client, tenant)).Id();
        await UserTestData.AddSessionsAsync(factory, id, 3);

        await (await client.PostAsJsonAsync($"/api/users/{id}/ban", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var banned = await (await client.PostAsJsonAsync($"/api/users/{id}/ban", new { reason = "phishing campaign" })).ReadJsonAsync();
        Assert.Equal("banned", banned.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, banned.GetProperty("bannedAt").ValueKind);
        Assert.Equal(0, await UserTestData.LiveSessionsAsync(factory, id));
        var data = Assert.Single(await TestEvents.FindAsync(factory, EventDestinations.UserEvents, "UserBanned", "userId", id)).GetProperty("data");
        Assert.Equal(3, data.GetProperty("sessionsRevoked").GetInt32());
        Assert.Equal("phishing campaign", data.GetProperty("reason").GetString());

        var unbanned = await (await client.PostAsJsonAsync($"/api/users/{id}/unban", new { reason = "appeal accepted" })).ReadJsonAsync();
        Assert.Equal("active", unbanned.GetProperty("status").GetString());
        Assert.Single(await TestEvents.FindAsync(factory, EventDestinations.UserEvents, "UserUnbanned", "userId", id));
        var audit = await (await client.GetAsync($"/api/audit?targetId={id}")).ReadJsonAsync();
        Assert.Equal(["users.unban", "users.ban", "users.create"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task RevokingSessions_CountsThem_AndPublishesUserSessionsRevoked()
    {
        var (client, tenant) = await AdminWithTenantAsync();
        var id = (await UserTestData.CreateAsync(client, tenant)).Id();
        await UserTestData.AddSessionsAsync(factory, id, 2);
        var response = await (await client.PostAsJsonAsync($"/api/users/{id}/sessions/revoke", new { reason = "lost laptop" })).ReadJsonAsync();
        Assert.Equal(2, response.GetProperty("revoked").GetInt32());
        Assert.Equal(0, await UserTestData.LiveSessionsAsync(factory, id));
        Assert.Single(await TestEvents.FindAsync(factory, EventDestinations.UserEvents, "UserSessionsRevoked", "userId", id));
    }

    [Fact]
    public async Task SupportAgents_EditUsers_ButCannotChangeTheirRoleBanBulkEditOrExport()
    {
        var (admin, tenant) = await AdminWithTenantAsync();
        var id = (await UserTestData.CreateAsync(admin, tenant)).Id();
        var (agent, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var (manager, _) = await TestStaff.SignInAsync(factory, RoleCatalog.UserManager);

        Assert.Equal(HttpStatusCode.OK, (await agent.PatchAsJsonAsync($"/api/users/{id}", new { displayName = "Renamed" })).StatusCode);
        await (await agent.PatchAsJsonAsync($"/api/users/{id}", new { role = "owner" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("member", (await (await agent.GetAsync($"/api/users/{id}")).ReadJsonAsync()).GetProperty("role").GetString());
        await (await agent.PostAsJsonAsync($"/api/users/{id}/ban", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var bulk = new { action = "change-role", userIds = new[] { id }, parameters = new { role = "admin" }, reason = "x", dryRun = true };
        await (await agent.PostAsJsonAsync("/api/users/bulk", bulk)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.GetAsync("/api/users/export?format=csv")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/users/{id}/ban", new { reason = "abuse" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync("/api/users/bulk", bulk)).StatusCode);
    }

    [Fact]
    public async Task UnknownUsers_AreNotFound()
    {
        var (client, _) = await AdminWithTenantAsync();
        await (await client.GetAsync("/api/users/aaaaaaaaaaaaaaaaaaaaaaaa")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync("/api/users/not-an-id")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsJsonAsync("/api/users/not-an-id/ban", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
