using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Secrets;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.Secrets;

public sealed class SecretExpiryScanTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task TheDailyScan_RaisesOneCommonAlertPerExpiringOrExpiredSecret_AndTheListShowsTheStatus()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var now = factory.Clock.GetUtcNow();
        var (expiring, expired, later, never) = (NewName(), NewName(), NewName(), NewName());
        await CreateAsync(client, expiring, NewValue(), new() { ["classification"] = "restricted" }, expiresOn: now.AddDays(10));
        await CreateAsync(client, expired, NewValue(), expiresOn: now.AddDays(2));
        await CreateAsync(client, later, NewValue(), expiresOn: now.AddDays(60));
        await CreateAsync(client, never, NewValue());
        factory.Clock.Advance(TimeSpan.FromDays(3));

        var first = await RunScanAsync();
        var second = await RunScanAsync();

        Assert.Matches(@"; [2-9]\d* new alert\(s\)", first); // other tests' secrets may be due as well
        Assert.Contains("; 0 new alert(s)", second);
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        var events = await AlertEventsAsync();
        foreach (var (name, type, severity, classification) in new[]
                 { (expiring, "secret-expiring", "medium", "restricted"), (expired, "secret-expired", "high", "confidential") })
        {
            var alert = Assert.Single(await AlertsAsync(auditor, type, name));
            Assert.Equal((severity, "secrets"), (alert.GetProperty("severity").GetString(), alert.GetProperty("source").GetString()));
            Assert.StartsWith($"Secret '{name}' expire", alert.GetProperty("summary").GetString());
            var details = alert.GetProperty("details");
            Assert.Equal((name, classification), (details.GetProperty("name").GetString(), details.GetProperty("classification").GetString()));
            Assert.False(string.IsNullOrEmpty(details.GetProperty("version").GetString()));
            Assert.True(details.TryGetProperty("expiresOn", out _));

            var id = alert.GetProperty("id").GetString()!;
            var audit = await (await auditor.GetAsync($"/api/audit?targetId={id}&action={AlertService.AuditAction}")).ReadJsonAsync();
            var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
            Assert.Equal(alert.GetProperty("auditEventId").GetString(), entry.GetProperty("id").GetString());
            Assert.Equal(name, Assert.Single(events, e => e.AlertId == id).Subject);
        }

        var (officer, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer); // the first session idled out
        var statuses = (await ListAllAsync(officer, Route)).ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("expiryStatus").GetString());
        Assert.Equal(("expiring", "expired", "ok", "none"), (statuses[expiring], statuses[expired], statuses[later], statuses[never]));
    }

    [Fact]
    public async Task FindAsync_ListsExpiredThenExpiring_ForTheMonthlyReport()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var now = factory.Clock.GetUtcNow();
        var (soon, gone) = (NewName(), NewName());
        await CreateAsync(client, soon, NewValue(), expiresOn: now.AddDays(20));
        await CreateAsync(client, gone, NewValue(), expiresOn: now.AddHours(1));

        var found = await factory.Services.GetRequiredService<SecretExpiryScanner>().FindAsync(now.AddDays(1));
        var mine = found.Where(f => f.Secret.Name == soon || f.Secret.Name == gone).ToList();
        Assert.Equal([(gone, SecretExpiryState.Expired), (soon, SecretExpiryState.Expiring)], mine.Select(f => (f.Secret.Name, f.State)).ToList());
    }

    [Fact]
    public async Task MovingTheExpiry_RaisesAFreshAlertForTheNewDate()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue(), expiresOn: factory.Clock.GetUtcNow().AddDays(5));
        await RunScanAsync();
        await (await client.PatchAsJsonAsync($"{Route}/{name}", new { expiresOn = factory.Clock.GetUtcNow().AddDays(25) })).ReadJsonAsync();
        await RunScanAsync();

        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        Assert.Equal(2, (await AlertsAsync(auditor, SecretExpiryScanner.ExpiringType, name)).Count);
    }

    [Fact]
    public async Task RotatingAnExpiringSecret_AlertsAgainForTheNewVersion()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        var created = await CreateAsync(client, name, NewValue(), expiresOn: factory.Clock.GetUtcNow().AddDays(5));
        await RunScanAsync();
        var rotated = await (await client.PutAsJsonAsync($"{Route}/{name}",
            new { value = NewValue(), expiresOn = factory.Clock.GetUtcNow().AddDays(20), reason = "rotation" })).ReadJsonAsync();

        Assert.Contains("; 1 new alert(s)", await RunScanAsync());
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        var versions = (await AlertsAsync(auditor, SecretExpiryScanner.ExpiringType, name))
            .Select(a => a.GetProperty("details").GetProperty("version").GetString()).Order().ToList();
        Assert.Equal(new[] { created.GetProperty("version").GetString(), rotated.GetProperty("version").GetString() }.Order().ToList(), versions);
    }

    [Fact]
    public async Task ExpiryAlerts_NeverCarryTheSecretValue_InTheAlertAuditOrEvent()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        await CreateAsync(client, name, value, expiresOn: factory.Clock.GetUtcNow().AddHours(2));
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await RunScanAsync();

        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        var alert = Assert.Single(await AlertsAsync(auditor, SecretExpiryScanner.ExpiredType, name));
        var id = alert.GetProperty("id").GetString()!;
        var audit = await (await auditor.GetAsync($"/api/audit?targetId={id}&action={AlertService.AuditAction}")).Content.ReadAsStringAsync();
        var queue = factory.Services.GetRequiredService<StorageClients>().Queue(EventDestinations.SecurityAlerts);
        var bodies = (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).Where(b => b.Contains(id, StringComparison.Ordinal)).ToList();

        Assert.Single(bodies);
        Assert.Contains(id, audit, StringComparison.Ordinal);
        foreach (var text in bodies.Append(audit).Append(alert.GetRawText()))
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The alerts of one type about one secret, through the common list (one page holds every alert this class raises).</summary>
    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client, string type, string subject) =>
        (await (await client.GetAsync($"/api/security/alerts?type={type}&pageSize=500")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
        .Where(a => a.GetProperty("subject").GetString() == subject).ToList();

    private async Task<string> RunScanAsync()
    {
        var dispatcher = factory.Services.GetRequiredService<TriggerDispatcher>();
        var invocation = await dispatcher.DispatchAsync(dispatcher.Find("SecretExpiryScan")!, """{"IsPastDue":false}""", 1, CancellationToken.None);
        return string.Join('\n', invocation.Logs);
    }

    private async Task<List<(string AlertId, string? Subject)>> AlertEventsAsync()
    {
        var queue = factory.Services.GetRequiredService<StorageClients>().Queue(EventDestinations.SecurityAlerts);
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement)
            .Where(e => e.GetProperty("type").GetString() == AlertService.EventType)
            .Select(e => (e.GetProperty("data").GetProperty("alertId").GetString()!, e.GetProperty("data").GetProperty("subject").GetString())).ToList();
    }
}
