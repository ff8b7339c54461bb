using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Staff;

/// <summary>Each test gets its own app (and storage prefix), so "the last super-admin" really is the last.</summary>
public sealed class StaffGuardTests : IDisposable
{
    private readonly AdminAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheLastActiveSuperAdmin_CannotBeDemotedOrSuspended_EvenOnTheIncidentPath()
    {
        var (root, rootMember) = await TestStaff.SignInAsync(_app, RoleCatalog.SuperAdmin);
        var (officer, _) = await TestStaff.SignInAsync(_app, RoleCatalog.SecurityOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await root.PutAsJsonAsync($"/api/staff/{rootMember.Id}/roles", new { roles = new[] { "admin" } })).StatusCode);
        await (await officer.PostAsJsonAsync($"/api/staff/{rootMember.Id}/emergency-revoke", new { reason = "test" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "last_super_admin");
    }

    [Fact]
    public async Task AnAdmin_CannotDemoteSuspendOrRevokeASuperAdmin()
    {
        var (admin, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Admin);
        var root = await TestStaff.CreateAsync(_app, RoleCatalog.SuperAdmin);
        await TestStaff.CreateAsync(_app, RoleCatalog.SuperAdmin);
        var reason = new { reason = "take over" };
        await (await admin.PutAsJsonAsync($"/api/staff/{root.Id}/roles", new { roles = new[] { "auditor" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "role_hierarchy");
        foreach (var action in new[] { "suspend", "sessions/revoke", "offboard", "emergency-revoke" })
        {
            var problem = await (await admin.PostAsJsonAsync($"/api/staff/{root.Id}/{action}", reason)).AssertProblemAsync(HttpStatusCode.Forbidden, "role_hierarchy");
            Assert.Contains("super-admin", problem.GetProperty("detail").GetString());
        }
        var after = await (await admin.GetAsync($"/api/staff/{root.Id}")).ReadJsonAsync();
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal(["super-admin"], after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task ASecurityOfficer_EmergencyRevokesASuperAdmin_AndTheOverrideIsAudited()
    {
        var (officer, _) = await TestStaff.SignInAsync(_app, RoleCatalog.SecurityOfficer);
        var (auditor, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Auditor);
        var root = await TestStaff.CreateAsync(_app, RoleCatalog.SuperAdmin);
        var rootClient = TestStaff.ClientWithToken(_app, await TestStaff.SessionAsync(_app, root));
        await TestStaff.CreateAsync(_app, RoleCatalog.SuperAdmin);

        await (await officer.PostAsJsonAsync($"/api/staff/{root.Id}/suspend", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"/api/staff/{root.Id}/emergency-revoke", new { reason = "token leaked" })).StatusCode);

        await (await rootClient.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        var audit = await (await auditor.GetAsync($"/api/audit?targetId={root.Id}&action=staff.suspend")).ReadJsonAsync();
        var suspend = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("token leaked", suspend.GetProperty("reason").GetString());
        Assert.Equal(["super-admin"], suspend.GetProperty("after").GetProperty("incidentOverride").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task WithAnotherSuperAdmin_ASuperAdminCanBeDemoted()
    {
        var (root, _) = await TestStaff.SignInAsync(_app, RoleCatalog.SuperAdmin);
        var second = await TestStaff.CreateAsync(_app, RoleCatalog.SuperAdmin);
        (await root.PutAsJsonAsync($"/api/staff/{second.Id}/roles", new { roles = new[] { "admin" } })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task NobodyEditsTheirOwnRoles()
    {
        var (admin, me) = await TestStaff.SignInAsync(_app, RoleCatalog.SuperAdmin);
        await (await admin.PutAsJsonAsync($"/api/staff/{me.Id}/roles", new { roles = new[] { "super-admin", "auditor" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task NobodyGrantsARoleWhosePermissionsTheyLack()
    {
        var (admin, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Admin);
        var target = await TestStaff.CreateAsync(_app, RoleCatalog.Auditor);
        var problem = await (await admin.PutAsJsonAsync($"/api/staff/{target.Id}/roles", new { roles = new[] { "super-admin" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("secrets.reveal", problem.GetProperty("detail").GetString());
        await (await admin.PostAsJsonAsync("/api/staff", new { email = "x@penguinmails.test", displayName = "X", roles = new[] { "security-officer" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task StaleIfMatch_IsPreconditionFailed()
    {
        var (admin, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Admin);
        var target = await TestStaff.CreateAsync(_app, RoleCatalog.Auditor);
        var etag = (await admin.GetAsync($"/api/staff/{target.Id}")).Headers.GetValues("ETag").Single();
        (await admin.PutAsJsonAsync($"/api/staff/{target.Id}/roles", new { roles = new[] { "auditor", "support-agent" } })).EnsureSuccessStatusCode();
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/staff/{target.Id}/roles") { Content = JsonContent.Create(new { roles = new[] { "auditor" } }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await admin.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task DuplicateEmail_IsConflict()
    {
        var (admin, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Admin);
        var body = new { email = "dup@penguinmails.test", displayName = "Dup", roles = new[] { "auditor" } };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/staff", body)).StatusCode);
        await (await admin.PostAsJsonAsync("/api/staff", body)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task StaffList_FiltersAndPagesWithCursors()
    {
        var (admin, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Admin);
        for (var i = 0; i < 5; i++)
        {
            await TestStaff.CreateAsync(_app, RoleCatalog.Finance);
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/staff?role=finance&pageSize=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        await (await admin.GetAsync("/api/staff?status=retired")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
