using System.Net;
using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>Sign-in activity (GET /api/security/logins) and the monitor's alerts, from real sign-ins through the OIDC flow.</summary>
public sealed class SignInMonitoringTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private ClockedApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await ClockedApp.StartAsync(Start, new Dictionary<string, string?> { ["Security:Alerts:FailuresPerIp"] = "6" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> SecurityOfficerAsync() => await _app.ClientAsync(await TestStaff.CreateAsync(_app.App, RoleCatalog.SecurityOfficer));

    /// <summary>A staff member whose email the test OIDC issuer can sign in.</summary>
    private async Task<StaffMember> StaffAsync(params string[] roles)
    {
        var id = SessionTokens.NewId();
        var member = new StaffMember(id, $"m-{id}@{FakeOidcIssuer.HostedDomain}", "Member " + id[..6], roles, StaffStatus.Active, SessionTokens.NewId(),
            Start, null);
        return (await _app.Service<IStaffStore>().CreateAsync(member)).Value;
    }

    private async Task<TriggerInvocation> RunMonitorAsync()
    {
        _app.At(_app.Clock.GetUtcNow().AddMinutes(1));
        var dispatcher = _app.Service<TriggerDispatcher>();
        return await dispatcher.DispatchAsync(dispatcher.Find("DetectSecurityAlerts")!, "{}", 1, CancellationToken.None);
    }

    private async Task<List<JsonElement>> AlertsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/security/alerts")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Logins_FilterByOutcomeIdentityIpAndTime_NewestFirst()
    {
        var member = await StaffAsync(RoleCatalog.SupportAgent);
        var unknown = $"nobody-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        (await _app.SignInAsync(member.Email, ip: "203.0.113.1")).EnsureSuccessStatusCode();
        _app.At(Start.AddMinutes(1));
        await _app.SignInAsync(unknown, ip: "198.51.100.9");
        await _app.SignInAsync(unknown, ip: "198.51.100.9");
        await _app.SignInAsync("x", ip: "198.51.100.9", idToken: "garbage");
        _app.At(Start.AddHours(2));
        (await _app.SignInAsync(member.Email, ip: "203.0.113.2", userAgent: "Laptop/2")).EnsureSuccessStatusCode();
        var officer = await SecurityOfficerAsync();

        async Task<List<JsonElement>> Logins(string query) =>
            (await (await officer.GetAsync("/api/security/logins?" + query)).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

        var all = await Logins("");
        Assert.Equal(5, all.Count);
        Assert.Equal("203.0.113.2", all[0].GetProperty("ip").GetString());
        Assert.Equal("Laptop/2", all[0].GetProperty("userAgent").GetString());
        var failed = await Logins("outcome=failed");
        Assert.Equal(3, failed.Count);
        Assert.All(failed, f => Assert.Equal("failed", f.GetProperty("outcome").GetString()));
        var byIdentity = await Logins("identity=" + Uri.EscapeDataString(unknown));
        Assert.Equal(2, byIdentity.Count);
        Assert.Equal("unknown staff member", byIdentity[0].GetProperty("failureReason").GetString());
        Assert.Equal(JsonValueKind.Null, byIdentity[0].GetProperty("staffId").ValueKind);
        Assert.Equal(2, (await Logins("identity=" + member.Id)).Count);
        Assert.Single(await Logins("ip=203.0.113.1&outcome=succeeded"));
        Assert.Single(await Logins("from=" + Uri.EscapeDataString(Start.AddHours(1).ToString("O"))));
        await (await officer.GetAsync("/api/security/logins?outcome=maybe")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task RepeatedFailures_PerIdentityAndPerIp_RaiseOneAlertEach_AuditedAndPublished()
    {
        var unknown = $"attacker-target-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        for (var i = 0; i < 5; i++)
        {
            _app.At(Start.AddMinutes(i));
            await (await _app.SignInAsync(unknown, ip: "198.51.100.66")).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
        }
        await _app.SignInAsync($"other-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}", ip: "198.51.100.66");

        var run = await RunMonitorAsync();
        Assert.Contains(run.Logs, l => l.Contains("raised 2 alerts", StringComparison.Ordinal));
        var officer = await SecurityOfficerAsync();
        var alerts = await AlertsAsync(officer);
        Assert.Equal(new[] { "sign-in-failures-identity", "sign-in-failures-ip" }, alerts.Select(a => a.GetProperty("type").GetString()!).Order().ToArray());
        var byIdentity = alerts.Single(a => a.GetProperty("type").GetString() == "sign-in-failures-identity");
        Assert.Equal(unknown, byIdentity.GetProperty("subject").GetString());
        Assert.Equal(5, byIdentity.GetProperty("eventIds").GetArrayLength());
        Assert.Equal("high", alerts.Single(a => a.GetProperty("type").GetString() == "sign-in-failures-ip").GetProperty("severity").GetString());

        var audited = await _app.Service<IAuditLog>().QueryAsync(new AuditQuery(null, null, "security.alert", null, null), PenguinMails.Admin.Common.PageRequest.First());
        Assert.Equal(alerts.Select(a => a.GetProperty("id").GetString()!).Order().ToList(), audited.Items.Select(e => e.TargetId).Order().ToList());
        var queue = _app.Service<StorageClients>().Queue(EventDestinations.SecurityAlerts);
        var published = (await queue.PeekMessagesAsync(32)).Value.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement).ToList();
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal("SecurityAlertRaised", p.GetProperty("type").GetString()));

        var again = await RunMonitorAsync();
        Assert.Contains(again.Logs, l => l.Contains("raised 0 alerts", StringComparison.Ordinal));
        Assert.Equal(2, (await AlertsAsync(officer)).Count);
    }

    [Fact]
    public async Task PrivilegedSignInFromANewIp_RaisesAnAlert_ButAFirstSignInOrAnAgentDoesNot()
    {
        var admin = await StaffAsync(RoleCatalog.Admin);
        var agent = await StaffAsync(RoleCatalog.SupportAgent);
        (await _app.SignInAsync(admin.Email, ip: "203.0.113.5", userAgent: "Office/1")).EnsureSuccessStatusCode();
        (await _app.SignInAsync(agent.Email, ip: "203.0.113.5", userAgent: "Office/1")).EnsureSuccessStatusCode();
        _app.At(Start.AddMinutes(5));
        (await _app.SignInAsync(admin.Email, ip: "203.0.113.5", userAgent: "Office/1")).EnsureSuccessStatusCode();
        _app.At(Start.AddMinutes(10));
        (await _app.SignInAsync(admin.Email, ip: "192.0.2.77", userAgent: "Office/1")).EnsureSuccessStatusCode();
        (await _app.SignInAsync(agent.Email, ip: "192.0.2.78", userAgent: "Phone/9")).EnsureSuccessStatusCode();

        await RunMonitorAsync();
        var alert = Assert.Single(await AlertsAsync(await SecurityOfficerAsync()));
        Assert.Equal("privileged-sign-in-new-origin", alert.GetProperty("type").GetString());
        Assert.Equal(admin.Id, alert.GetProperty("actorId").GetString());
        Assert.Equal("192.0.2.77", alert.GetProperty("ip").GetString());
        Assert.Contains("new IP address", alert.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task BurstOfSecretReveals_RaisesOneAlert()
    {
        var audit = _app.Service<IAuditLog>();
        var actor = new Actor("staff-burst", "burst@penguinmails.test", [], new HashSet<string>(), null, "203.0.113.9", "tests", null);
        for (var i = 0; i < 12; i++)
        {
            _app.At(Start.AddSeconds(20 * i));
            await audit.AppendAsync(new AuditEntry(actor, "secrets.reveal", "secret", "stripe-key-" + i, Reason: "debugging"));
        }
        await RunMonitorAsync();
        var alert = Assert.Single(await AlertsAsync(await SecurityOfficerAsync()));
        Assert.Equal("sensitive-action-burst", alert.GetProperty("type").GetString());
        Assert.Equal("10", alert.GetProperty("details").GetProperty("count").GetString());
    }
}
