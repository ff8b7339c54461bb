using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>
/// The sign-in monitor's rules come from the platform settings' <c>security-alerts</c> section, with configuration
/// (<c>Security__Alerts__*</c>) while it is unset: a change saved through the settings API applies at the next run.
/// </summary>
public sealed class SecurityAlertSettingsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private ClockedApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await ClockedApp.StartAsync(Start, new Dictionary<string, string?>
        {
            ["Security:Alerts:FailuresPerIdentity"] = "5",
            ["Security:Alerts:FailuresPerIp"] = "50",
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> AdminAsync() => await _app.ClientAsync(await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin));

    private async Task<TriggerInvocation> RunMonitorAsync()
    {
        _app.At(_app.Clock.GetUtcNow().AddMinutes(1));
        var dispatcher = _app.Service<TriggerDispatcher>();
        return await dispatcher.DispatchAsync(dispatcher.Find("DetectSecurityAlerts")!, "{}", 1, CancellationToken.None);
    }

    private async Task FailSignInAsync(string email) =>
        await (await _app.SignInAsync(email, ip: "198.51.100.40")).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/security/alerts?type=sign-in-failures-identity")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task LoweringTheFailureRuleInSettings_RaisesAtTheNextMonitorRun_WithoutARestart()
    {
        var admin = await AdminAsync();
        var target = $"target-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        for (var i = 0; i < 3; i++)
        {
            _app.At(Start.AddMinutes(i));
            await FailSignInAsync(target);
        }
        // Configuration says 5: three failures are not an alert.
        Assert.Contains((await RunMonitorAsync()).Logs, l => l.Contains("raised 0 alerts", StringComparison.Ordinal));

        var unset = await admin.GetAsync("/api/settings/security-alerts");
        var shown = await unset.ReadJsonAsync();
        Assert.Equal(0, shown.GetProperty("version").GetInt32());
        Assert.True(shown.GetProperty("usesDefaults").GetBoolean());
        Assert.Equal(5, shown.GetProperty("values").GetProperty("failuresPerIdentity").GetInt32());
        Assert.Equal(15, shown.GetProperty("values").GetProperty("failureWindowMinutes").GetInt32());

        var put = new HttpRequestMessage(HttpMethod.Put, "/api/settings/security-alerts")
        {
            Content = JsonContent.Create(new { values = new { failuresPerIdentity = 3 }, reason = "credential stuffing this week" }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", unset.Headers.ETag!.ToString());
        var saved = await (await admin.SendAsync(put)).ReadJsonAsync();
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        Assert.False(saved.GetProperty("usesDefaults").GetBoolean());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("values").GetProperty("failuresPerIp").ValueKind);

        // The next attempt is judged by the saved rule: four failures within 15 minutes reach 3 (configuration's 5 would not).
        _app.At(Start.AddMinutes(5));
        await FailSignInAsync(target);
        Assert.Contains((await RunMonitorAsync()).Logs, l => l.Contains("raised 1 alerts", StringComparison.Ordinal));
        var alert = Assert.Single(await AlertsAsync(admin));
        Assert.Equal(target, alert.GetProperty("subject").GetString());
        Assert.Equal("4", alert.GetProperty("details").GetProperty("count").GetString());

        var audited = await _app.Service<IAuditLog>().QueryAsync(new AuditQuery(null, null, "settings.update", null, null), PageRequest.First());
        var change = Assert.Single(audited.Items, e => e.TargetId == "security-alerts");
        Assert.Equal("credential stuffing this week", change.Reason);
    }

    [Fact]
    public async Task History_AndRollback_IncludingBackToConfiguration()
    {
        var admin = await AdminAsync();
        await PutAsync(admin, new { failuresPerIdentity = 3, burstActions = new[] { "secrets" } }, "tighter");
        Tick();
        await PutAsync(admin, new { failuresPerIdentity = 8, newOriginForPrivileged = false }, "too noisy");
        Tick();

        var toFirst = await (await admin.PostAsJsonAsync("/api/settings/security-alerts/rollback", new { version = 1 })).ReadJsonAsync();
        Tick();
        Assert.Equal(3, toFirst.GetProperty("version").GetInt32());
        Assert.Equal(3, toFirst.GetProperty("values").GetProperty("failuresPerIdentity").GetInt32());
        Assert.Equal("secrets", toFirst.GetProperty("values").GetProperty("burstActions")[0].GetString());

        var toConfiguration = await (await admin.PostAsJsonAsync("/api/settings/security-alerts/rollback", new { version = 0, reason = "as configured" }))
            .ReadJsonAsync();
        Assert.Equal(4, toConfiguration.GetProperty("version").GetInt32());
        Assert.True(toConfiguration.GetProperty("usesDefaults").GetBoolean());
        Assert.Equal(5, toConfiguration.GetProperty("values").GetProperty("failuresPerIdentity").GetInt32());
        Assert.Equal(50, toConfiguration.GetProperty("values").GetProperty("failuresPerIp").GetInt32());

        var versions = (await (await admin.GetAsync("/api/settings/security-alerts/versions")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([4, 3, 2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["as configured", "Rollback to version 1", "too noisy", "tighter"], versions.Select(v => v.GetProperty("reason").GetString()));
        Assert.Equal([true, false, false, false], versions.Select(v => v.GetProperty("usesDefaults").GetBoolean()));

        var audit = await (await admin.GetAsync("/api/audit?targetId=security-alerts")).ReadJsonAsync();
        Assert.Equal(["settings.rollback", "settings.rollback", "settings.update", "settings.update"],
            audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task InvalidRules_AreRefused_NamingEachField()
    {
        var admin = await AdminAsync();
        var response = await admin.PutAsJsonAsync("/api/settings/security-alerts", new
        {
            values = new
            {
                failuresPerIdentity = 0, failuresPerIp = 0, failureWindowMinutes = 0, originHistoryDays = 1000, burstActions = new[] { "Secrets Reveal" },
                burstCount = 0, burstWindowMinutes = 5000,
            },
        });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "failuresPerIdentity", "failuresPerIp", "failureWindowMinutes", "originHistoryDays", "burstActions[0]", "burstCount", "burstWindowMinutes" })
        {
            Assert.True(errors.TryGetProperty("values." + field, out _), field);
        }
        var unknown = await admin.PutAsJsonAsync("/api/settings/security-alerts", new { values = new { failuresPerMinute = 3 } });
        Assert.True((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("values.failuresPerMinute", out _));
        var wrongType = await admin.PutAsJsonAsync("/api/settings/security-alerts", new { values = new { newOriginForPrivileged = "yes" } });
        Assert.True((await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("values.newOriginForPrivileged", out _));
        Assert.Equal(0, (await (await admin.GetAsync("/api/settings/security-alerts")).ReadJsonAsync()).GetProperty("version").GetInt32());
    }

    /// <summary>The clock stands still otherwise, and the audit log orders events of the same instant arbitrarily.</summary>
    private void Tick() => _app.At(_app.Clock.GetUtcNow().AddSeconds(1));

    private static async Task PutAsync(HttpClient client, object values, string reason) =>
        (await client.PutAsJsonAsync("/api/settings/security-alerts", new { values, reason })).EnsureSuccessStatusCode();
}
