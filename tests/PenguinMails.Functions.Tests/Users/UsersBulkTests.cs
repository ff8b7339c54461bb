using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;

namespace PenguinMails.Functions.Tests.Users;

public sealed class UsersBulkTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<(HttpClient Client, string TenantId, List<string> Users)> SeedAsync(int users, string role = "member")
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.UserManager);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var ids = new List<string>();
        for (var i = 0; i < users; i++)
        {
            ids.Add((await UserTestData.CreateAsync(client, tenant, role: role)).Id());
        }
        return (client, tenant, ids);
    }

    private static Task<HttpResponseMessage> BulkAsync(HttpClient client, string action, IEnumerable<string> ids, object? parameters = null, bool dryRun = false,
        string? reason = "quarterly clean-up") =>
        client.PostAsJsonAsync("/api/users/bulk", new { action, userIds = ids, parameters, reason, dryRun });

    [Fact]
    public async Task ChangeRole_ReportsEveryUser_AndFailuresNeverHideTheOthers()
    {
        var (client, _, ids) = await SeedAsync(3);
        await client.PatchAsJsonAsync($"/api/users/{ids[2]}", new { role = "admin" });
        var missing = "ffffffffffffffffffffffff";
        var report = await (await BulkAsync(client, "change-role", [ids[0], missing, ids[1], "bogus", ids[2], ids[0]], new { role = "admin" })).ReadJsonAsync();

        Assert.False(report.GetProperty("dryRun").GetBoolean());
        var outcomes = Outcomes(report);
        Assert.Equal([ids[0], missing, ids[1], "bogus", ids[2]], outcomes.Select(o => o.Id));
        Assert.Equal(["changed", "failed", "changed", "failed", "unchanged"], outcomes.Select(o => o.Outcome));
        Assert.StartsWith("not_found", outcomes[1].Error);
        var emails = report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("email").GetString()).ToList();
        Assert.Equal([true, false, true, false, true], emails.Select(e => e is not null && e.Contains('@')));
        var summary = report.GetProperty("summary");
        Assert.Equal((5, 2, 1, 2), (summary.GetProperty("total").GetInt32(), summary.GetProperty("changed").GetInt32(),
            summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("failed").GetInt32()));
        foreach (var id in ids)
        {
            Assert.Equal("admin", (await (await client.GetAsync($"/api/users/{id}")).ReadJsonAsync()).GetProperty("role").GetString());
        }
    }

    [Fact]
    public async Task DryRun_PreviewsWithoutChangingAnything()
    {
        var (client, tenant, ids) = await SeedAsync(2);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var report = await (await BulkAsync(client, "ban", ids, dryRun: true)).ReadJsonAsync();
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.All(Outcomes(report), o => Assert.Equal("changed", o.Outcome));
        foreach (var id in ids)
        {
            Assert.Equal("active", (await (await client.GetAsync($"/api/users/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
            var audit = await (await admin.GetAsync($"/api/audit?targetId={id}")).ReadJsonAsync();
            Assert.DoesNotContain(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString()!.StartsWith("users.bulk"));
        }
        Assert.Empty(await TestEvents.FindAsync(factory, EventDestinations.UserEvents, "UserBanned", "tenantId", tenant));
    }

    [Fact]
    public async Task BulkBan_RevokesSessions_PublishesEvents_AndAuditsEachUserPlusASummary()
    {
        var (client, tenant, ids) = await SeedAsync(3);
        await UserTestData.AddSessionsAsync(factory, ids[0], 2);
        var report = await (await BulkAsync(client, "ban", ids, reason: "compromised tenant")).ReadJsonAsync();
        Assert.All(Outcomes(report), o => Assert.Equal("changed", o.Outcome));
        Assert.Equal(0, await UserTestData.LiveSessionsAsync(factory, ids[0]));
        Assert.Equal(3, (await TestEvents.FindAsync(factory, EventDestinations.UserEvents, "UserBanned", "tenantId", tenant)).Count);

        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        foreach (var id in ids)
        {
            var audit = await (await admin.GetAsync($"/api/audit?targetId={id}&action=users.bulk.ban")).ReadJsonAsync();
            Assert.Equal("compromised tenant", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("reason").GetString());
        }
        var summary = await (await admin.GetAsync("/api/audit?action=users.bulk&targetId=ban")).ReadJsonAsync();
        Assert.NotEmpty(summary.GetProperty("items").EnumerateArray());

        var again = await (await BulkAsync(client, "ban", ids)).ReadJsonAsync();
        Assert.All(Outcomes(again), o => Assert.Equal("unchanged", o.Outcome));
    }

    [Fact]
    public async Task MoveTenant_FailsOnlyTheUsersWhoseEmailIsTakenThere()
    {
        var (client, from, ids) = await SeedAsync(2);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var to = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var clashing = (await (await client.GetAsync($"/api/users/{ids[1]}")).ReadJsonAsync()).GetProperty("email").GetString();
        await UserTestData.CreateAsync(client, to, clashing);
        await UserTestData.AddSessionsAsync(factory, ids[0], 1);

        var preview = Outcomes(await (await BulkAsync(client, "move-tenant", ids, new { tenantId = to }, dryRun: true)).ReadJsonAsync());
        Assert.Equal(["changed", "failed"], preview.Select(o => o.Outcome));
        var moved = Outcomes(await (await BulkAsync(client, "move-tenant", ids, new { tenantId = to })).ReadJsonAsync());
        Assert.Equal(["changed", "failed"], moved.Select(o => o.Outcome));
        Assert.StartsWith("conflict", moved[1].Error);

        Assert.Equal(to, (await (await client.GetAsync($"/api/users/{ids[0]}")).ReadJsonAsync()).GetProperty("tenantId").GetString());
        Assert.Equal(from, (await (await client.GetAsync($"/api/users/{ids[1]}")).ReadJsonAsync()).GetProperty("tenantId").GetString());
        Assert.Equal(0, await UserTestData.LiveSessionsAsync(factory, ids[0]));
        Assert.Single(await TestEvents.FindAsync(factory, EventDestinations.UserEvents, "UserMovedTenant", "userId", ids[0]));
        var inTarget = await (await client.GetAsync($"/api/users?tenantId={to}")).ReadJsonAsync();
        Assert.Contains(inTarget.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == ids[0]);
    }

    [Fact]
    public async Task BadRequests_AreRejectedWhole()
    {
        var (client, _, ids) = await SeedAsync(1);
        await (await BulkAsync(client, "delete", ids)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await BulkAsync(client, "change-role", ids)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await BulkAsync(client, "ban", ids, reason: null)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await BulkAsync(client, "ban", [])).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var tooMany = Enumerable.Range(0, 10_001).Select(i => i.ToString("x24"));
        await (await BulkAsync(client, "unban", tooMany)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var nowhere = await BulkAsync(client, "move-tenant", ids, new { tenantId = "000000000000000000000000" });
        await nowhere.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var sneaky = await client.PostAsJsonAsync("/api/users/bulk", new { action = "ban", userIds = ids, reason = "x", dryRun = false, force = true });
        await sneaky.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
    }

    private static List<(string Id, string Outcome, string? Error)> Outcomes(JsonElement report) =>
        report.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("userId").GetString()!, r.GetProperty("outcome").GetString()!, r.GetProperty("error").GetString())).ToList();
}
