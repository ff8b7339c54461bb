using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>
/// The app with a test clock, a signed-in auditor, and direct access to the audit rows and digest blobs, so tests
/// tamper with storage itself, as someone holding the storage account's keys could.
/// </summary>
public sealed class AuditTamperApp : IAsyncDisposable
{
    private AuditTamperApp(AdminAppFactory app, FakeTimeProvider clock, HttpClient auditor) => (App, Clock, Auditor) = (app, clock, auditor);

    public AdminAppFactory App { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Auditor { get; }
    public TableClient Chain => App.Services.GetRequiredService<StorageClients>().Table(TableAuditLog.ChainTable);
    public TableClient Index => App.Services.GetRequiredService<StorageClients>().Table(TableAuditLog.IndexTable);
    public IAuditLog Log => App.Services.GetRequiredService<IAuditLog>();

    public static async Task<AuditTamperApp> StartAsync(DateTimeOffset? start = null, IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        var app = new AdminAppFactoryWithClock(settings ?? new Dictionary<string, string?>(), clock);
        var (auditor, _) = await TestStaff.SignInAsync(app, RoleCatalog.Auditor);
        return new AuditTamperApp(app, clock, auditor);
    }

    /// <summary>Appends <paramref name="count"/> changes, a second apart, as a system actor.</summary>
    public async Task<List<AuditEvent>> AppendChangesAsync(int count, string label = "change")
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            events.Add(await Log.AppendAsync(new AuditEntry(Actor.System("tamper-test"), "settings.update", "setting", $"{label}-{i}",
                After: AuditEntry.Snapshot(new { Value = i }), Reason: "test " + i)));
        }
        return events;
    }

    public async Task<string> RunFunctionAsync(string name, string payload = """{"IsPastDue":false}""")
    {
        var dispatcher = App.Services.GetRequiredService<TriggerDispatcher>();
        var run = await dispatcher.DispatchAsync(dispatcher.Find(name)!, payload, 1, CancellationToken.None);
        return string.Join('\n', run.Logs);
    }

    public Task<string> WriteDigestAsync() => RunFunctionAsync("WriteAuditDigest");

    /// <summary>The chain row of an event.</summary>
    public async Task<TableEntity> RowOfAsync(AuditEvent e) =>
        (await Chain.QueryAsync<TableEntity>(r => r.PartitionKey.CompareTo("lane-") >= 0).ToListAsync()).Single(r => r.GetString("EventId") == e.Id);

    public async Task<JsonElement> VerifyAsync(DateTimeOffset? from = null)
    {
        var range = $"from={Uri.EscapeDataString((from ?? Clock.GetUtcNow().AddDays(-2)).ToString("O"))}&to={Uri.EscapeDataString(Clock.GetUtcNow().ToString("O"))}";
        // A fresh sign-in: tests move the clock past the idle expiry of the first session.
        var (auditor, _) = await TestStaff.SignInAsync(App, RoleCatalog.Auditor);
        return await (await auditor.GetAsync("/api/audit/verify?" + range)).ReadJsonAsync();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private sealed class AdminAppFactoryWithClock : AdminAppFactory
    {
        public AdminAppFactoryWithClock(IDictionary<string, string?> settings, FakeTimeProvider clock)
            : base(settings) => Time = clock;
    }
}
