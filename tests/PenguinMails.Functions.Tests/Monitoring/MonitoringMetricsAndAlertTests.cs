using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Monitoring;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

public sealed class MonitoringMetricsAndAlertTests(ErrorBurstApp factory) : IClassFixture<ErrorBurstApp>
{
    [Fact]
    public async Task ErrorBurst_CrossesTheThreshold_AndRaisesOneAlert()
    {
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        for (var i = 0; i < 8; i++)
        {
            await (await auditor.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        }

        await EvaluateAsync();
        var alert = Assert.Single(await AlertEventsAsync(), a => a.GetProperty("type").GetString() == "http-error-rate");
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Contains("ListAuditEvents", alert.GetProperty("summary").GetString());
        var audited = factory.Services.GetRequiredService<IAuditLog>().ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(await audited.ToListAsync(), e => e.Action == "security.alert" && e.TargetId == alert.GetProperty("alertId").GetString()
            && e.ActorId == "system:monitoring");

        // The condition still holds a minute later, but it was already raised: no second alert.
        await (await auditor.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        await EvaluateAsync();
        Assert.Single(await AlertEventsAsync(), a => a.GetProperty("type").GetString() == "http-error-rate");
    }

    [Fact]
    public async Task Metrics_ReportRatesErrorsAndPercentilesPerFunction()
    {
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        for (var i = 0; i < 6; i++)
        {
            (await admin.GetAsync("/api/staff")).EnsureSuccessStatusCode();
        }
        await (await admin.GetAsync("/api/staff/no-such-member")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var list = (await MonitoringQueuesAndJobsTests.FindAsync(admin, "/api/monitoring/metrics", "function", "ListStaff"))!.Value;
        var recent = list.GetProperty("last5Minutes");
        Assert.True(recent.GetProperty("requests").GetInt64() >= 6);
        Assert.Equal(0, recent.GetProperty("errorRatePercent").GetDouble());
        Assert.True(recent.GetProperty("p50Ms").GetDouble() > 0);
        Assert.True(recent.GetProperty("p95Ms").GetDouble() >= recent.GetProperty("p50Ms").GetDouble());
        Assert.True(list.GetProperty("lastHour").GetProperty("requestsPerMinute").GetDouble() > 0);

        var get = (await MonitoringQueuesAndJobsTests.FindAsync(admin, "/api/monitoring/metrics", "function", "GetStaff"))!.Value.GetProperty("last5Minutes");
        Assert.True(get.GetProperty("clientErrors").GetInt64() >= 1);
        Assert.True(get.GetProperty("clientErrorRatePercent").GetDouble() > 0);
        Assert.Equal(0, get.GetProperty("serverErrors").GetInt64());

        var idle = (await MonitoringQueuesAndJobsTests.FindAsync(admin, "/api/monitoring/metrics", "function", "ReactivateStaff"))!.Value;
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("lastHour").GetProperty("p95Ms").ValueKind);
    }

    [Fact]
    public async Task Figures_AddUpAcrossInstances()
    {
        await using var other = AdminAppFactory.WithSettings(new Dictionary<string, string?> { ["Storage:Prefix"] = factory.StoragePrefix });
        var (admin, member) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var otherClient = TestStaff.ClientWithToken(other, await TestStaff.SessionAsync(other, member));
        var before = await RolesRequestsAsync(admin);

        for (var i = 0; i < 3; i++)
        {
            (await admin.GetAsync("/api/roles")).EnsureSuccessStatusCode();
        }
        for (var i = 0; i < 4; i++)
        {
            (await otherClient.GetAsync("/api/roles")).EnsureSuccessStatusCode();
        }
        await other.Services.GetRequiredService<MonitoringFlusher>().FlushAsync();

        Assert.Equal(before + 7, await RolesRequestsAsync(admin));
    }

    private static async Task<long> RolesRequestsAsync(HttpClient client) =>
        (await MonitoringQueuesAndJobsTests.FindAsync(client, "/api/monitoring/metrics", "function", "ListRoles"))!.Value
        .GetProperty("lastHour").GetProperty("requests").GetInt64();

    private async Task EvaluateAsync()
    {
        var dispatcher = factory.Services.GetRequiredService<TriggerDispatcher>();
        await dispatcher.DispatchAsync(dispatcher.Find(EvaluateMonitoringAlertsFunction.Name)!, "{}", 1, CancellationToken.None);
    }

    private async Task<List<JsonElement>> AlertEventsAsync()
    {
        var queue = factory.Services.GetRequiredService<StorageClients>().Queue(EventDestinations.SecurityAlerts);
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "SecurityAlertRaised").Select(e => e.GetProperty("data").Clone())
            .Where(d => d.GetProperty("source").GetString() == "monitoring").ToList();
    }
}
