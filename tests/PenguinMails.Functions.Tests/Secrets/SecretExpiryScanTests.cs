using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task TheDailyScan_AlertsOncePerExpiringOrExpiredSecret_AndTheListShowsTheStatus()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var now = factory.Clock.GetUtcNow();
        var (expiring, expired, later, never) = (NewName(), NewName(), NewName(), NewName());
        await CreateAsync(client, expiring, NewValue(), expiresOn: now.AddDays(10));
        await CreateAsync(client, expired, NewValue(), expiresOn: now.AddDays(2));
        await CreateAsync(client, later, NewValue(), expiresOn: now.AddDays(60));
        await CreateAsync(client, never, NewValue());
        factory.Clock.Advance(TimeSpan.FromDays(3));

        var first = await RunScanAsync();
        var second = await RunScanAsync();

        Assert.Matches(@"; [2-9]\d* new alert\(s\)", first); // other tests' secrets may be due as well
        Assert.Contains("; 0 new alert(s)", second);
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        foreach (var (name, state) in new[] { (expiring, "expiring"), (expired, "expired") })
        {
            var audit = await (await auditor.GetAsync($"/api/audit?targetId={name}&action=secrets.expiry-alert")).ReadJsonAsync();
            var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
            Assert.Equal(state, entry.GetProperty("after").GetProperty("state").GetString());
        }
        var events = await AlertEventsAsync();
        Assert.Equal(["expired", "expiring"], events.Where(e => e.Name == expiring || e.Name == expired).Select(e => e.State).Order().ToArray());

        var (officer, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
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
        var audit = await (await auditor.GetAsync($"/api/audit?targetId={name}&action=secrets.expiry-alert")).ReadJsonAsync();
        Assert.Equal(2, audit.GetProperty("items").GetArrayLength());
    }

    private async Task<string> RunScanAsync()
    {
        var dispatcher = factory.Services.GetRequiredService<TriggerDispatcher>();
        var invocation = await dispatcher.DispatchAsync(dispatcher.Find("SecretExpiryScan")!, """{"IsPastDue":false}""", 1, CancellationToken.None);
        return string.Join('\n', invocation.Logs);
    }

    private async Task<List<(string Name, string State)>> AlertEventsAsync()
    {
        var queue = factory.Services.GetRequiredService<StorageClients>().Queue(EventDestinations.SecurityAlerts);
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement)
            .Where(e => e.GetProperty("type").GetString() == SecretExpiryScanner.EventType)
            .Select(e => (e.GetProperty("data").GetProperty("name").GetString()!, e.GetProperty("data").GetProperty("state").GetString()!)).ToList();
    }
}
