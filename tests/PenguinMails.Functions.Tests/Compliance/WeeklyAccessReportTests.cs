using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>The weekly access report, generated from a week of real activity placed on a fake clock.</summary>
public sealed class WeeklyAccessReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 9, 9, 0, 0, TimeSpan.Zero);
    private ClockedApp _app = null!;
    private StaffMember _adminMember = null!;

    public async Task InitializeAsync()
    {
        _app = await ClockedApp.StartAsync(Monday);
        _adminMember = await TestStaff.CreateAsync(_app.App, RoleCatalog.SuperAdmin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Sessions idle out after 30 minutes of clock time, so each step signs in afresh.</summary>
    private Task<HttpClient> AdminAsync() => _app.ClientAsync(_adminMember);

    private async Task<string> CreateStaffAsync(string name, params string[] roles)
    {
        var email = $"{name}-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        var created = await (await (await AdminAsync()).PostAsJsonAsync("/api/staff", new { email, displayName = name, roles })).ReadJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private async Task SeedWeekAsync()
    {
        var alice = await CreateStaffAsync("alice", RoleCatalog.SupportAgent);
        _app.At(Monday.AddMinutes(5));
        var bob = await CreateStaffAsync("bob", RoleCatalog.Admin);
        _app.At(Monday.AddHours(1));
        (await (await AdminAsync()).PutAsJsonAsync($"/api/staff/{alice}/roles", new { roles = new[] { RoleCatalog.SupportAgent, RoleCatalog.SecurityOfficer } }))
            .EnsureSuccessStatusCode();
        _app.At(Monday.AddHours(2));
        (await (await AdminAsync()).PutAsJsonAsync($"/api/staff/{bob}/roles", new { roles = Array.Empty<string>(), reason = "=cmd|' /C calc'!A0" })).EnsureSuccessStatusCode();
        _app.At(Monday.AddDays(1));
        (await (await AdminAsync()).PostAsJsonAsync($"/api/staff/{alice}/suspend", new { reason = "<script>alert('x')</script> laptop lost" })).EnsureSuccessStatusCode();
        var dave = await CreateStaffAsync("dave", RoleCatalog.SupportAgent);
        // The offboarding workflow's last access step, acting for the super-admin who started it.
        var starter = new WorkflowStarter("offboarding-starter", "starter@" + FakeOidcIssuer.HostedDomain, [RoleCatalog.SuperAdmin]);
        await _app.Service<StaffService>().MarkOffboardedAsync(starter.ToActor("offboard-" + dave), dave, "left the company");

        _app.At(Monday.AddDays(2));
        var unknown = $"nobody-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        for (var i = 0; i < 3; i++)
        {
            await (await _app.SignInAsync(unknown, ip: "198.51.100.7")).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
        }
        var aliceEmail = (await (await (await AdminAsync()).GetAsync($"/api/staff/{alice}")).ReadJsonAsync()).GetProperty("email").GetString()!;
        await (await _app.SignInAsync(aliceEmail, ip: "198.51.100.8")).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
        for (var i = 0; i < 2; i++)
        {
            await (await _app.SignInAsync("x", ip: "198.51.100.7", idToken: "not-a-token")).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
        }
        await _app.Service<AlertService>().RaiseAsync(new AlertDraft("tests", "test-alert", AlertSeverity.High, "Seeded alert", _app.Clock.GetUtcNow(), "w1"));

        _app.At(new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero));
        await CreateStaffAsync("carol", RoleCatalog.Admin); // next week: not in this report
        _app.At(new DateTimeOffset(2026, 11, 17, 8, 0, 0, TimeSpan.Zero));
    }

    private async Task<JsonElement> ContentAsync(string id) =>
        await (await (await AdminAsync()).GetAsync($"/api/reports/{id}/content?format=json")).ReadJsonAsync();

    [Fact]
    public async Task WeeklyReport_CountsTheWeeksGrantsRemovalsSuspensionsOffboardingsFailuresAndAlerts()
    {
        await SeedWeekAsync();

        var created = await (await (await AdminAsync()).PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = "2026-11-09" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("weekly-access-2026-11-09", created.GetProperty("id").GetString());
        Assert.Equal("completed", created.GetProperty("status").GetString());
        Assert.Equal("2026-11-15", created.GetProperty("periodEnd").GetString());

        var report = await ContentAsync("weekly-access-2026-11-09");
        Assert.Equal("4", report.Figure("roleGrants"));
        Assert.Equal("1", report.Figure("roleRemovals"));
        Assert.Equal("2", report.Figure("newPrivilegedAccounts"));
        Assert.Equal("1", report.Figure("suspensions"));
        Assert.Equal("1", report.Figure("offboardings"));
        Assert.Equal("0", report.Figure("accessRemovalSlaBreaches")); // dave was marked offboarded without a workflow: no request to measure
        Assert.Equal("6", report.Figure("failedSignIns"));
        Assert.Equal("2", report.Figure("failedSignInIdentities"));
        Assert.Equal("2", report.Figure("failedSignInIps"));
        Assert.Equal("1", report.Figure("alertsRaised"));

        var privileged = report.Table("new-privileged-accounts");
        Assert.Equal(["new account", "role change"], privileged.Select(r => r["How"]).ToArray());
        var byIp = report.Table("failed-sign-ins-by-ip");
        Assert.Equal(("198.51.100.7", "5"), (byIp[0]["IP address"], byIp[0]["Failures"]));
        var removals = report.Table("access-removals");
        Assert.Contains(removals, r => r["Action"] == "suspension" && r["Within 24 h SLA"] == "yes");
        Assert.Contains(removals, r => r["Action"] == "offboarding" && r["Requested"] == "no request recorded" && r["Within 24 h SLA"] == "not measured");
        Assert.DoesNotContain("not installed", report.Section("access-removals").GetProperty("description").GetString());
        Assert.DoesNotContain(report.Rows("role-changes"), r => r[1].StartsWith("carol", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GeneratingTwice_OrConcurrently_YieldsOneReport()
    {
        await SeedWeekAsync();
        var body = new { type = "weekly-access", periodStart = "2026-11-09" };
        var admin = await AdminAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsJsonAsync("/api/reports", body)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));

        var again = await (await (await AdminAsync()).PostAsJsonAsync("/api/reports", body)).ReadJsonAsync(HttpStatusCode.OK);
        var first = await (await (await AdminAsync()).GetAsync("/api/reports/weekly-access-2026-11-09")).ReadJsonAsync();
        Assert.Equal(first.GetProperty("sha256").GetString(), again.GetProperty("sha256").GetString());
        var list = await (await (await AdminAsync()).GetAsync("/api/reports?type=weekly-access")).ReadJsonAsync();
        Assert.Single(list.GetProperty("items").EnumerateArray());
        var audit = await (await (await AdminAsync()).GetAsync("/api/audit?action=reports.generate")).ReadJsonAsync();
        Assert.Single(audit.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task HtmlAndCsv_ShowTheSameFigures_EncodeMarkup_AndEscapeFormulas()
    {
        await SeedWeekAsync();
        (await (await AdminAsync()).PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = "2026-11-09" })).EnsureSuccessStatusCode();

        var html = await (await AdminAsync()).GetAsync("/api/reports/weekly-access-2026-11-09/content?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single());
        var page = await html.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", page);
        Assert.True(page.IndexOf("Summary", StringComparison.Ordinal) < page.IndexOf("Role grants and removals", StringComparison.Ordinal));

        var csv = await (await AdminAsync()).GetAsync("/api/reports/weekly-access-2026-11-09/content?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Failed sign-ins,6", text);
        Assert.Contains("'=cmd", text);
        Assert.DoesNotContain(",=cmd", text);
    }

    [Fact]
    public async Task Requests_AreValidated()
    {
        await (await (await AdminAsync()).PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = "2026-11-10" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await (await AdminAsync()).PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = "2026-11-09" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"); // the week has not ended on Monday 9 November
        await (await (await AdminAsync()).PostAsJsonAsync("/api/reports", new { type = "daily", periodStart = "2026-11-02" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await (await AdminAsync()).GetAsync("/api/reports/weekly-access-2026-11-02")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await (await AdminAsync()).GetAsync("/api/reports/../../etc")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var (auditor, _) = await TestStaff.SignInAsync(_app.App, RoleCatalog.Auditor);
        await (await auditor.PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = "2026-11-02" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
