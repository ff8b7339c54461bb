using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// The alert thresholds come from the platform settings' <c>monitoring</c> section, with configuration while it is
/// unset: a change saved through the settings API decides whether the next evaluation raises an alert, and whom it names.
/// </summary>
public sealed class MonitoringSettingsAlertTests : IDisposable
{
    private readonly AdminAppFactory _factory = new ConfiguredApp().Register();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ChangingTheMonitoringSetting_DecidesWhetherAWorkflowFailureAlertFires()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var workflows = _factory.Services.GetRequiredService<IWorkflowClient>();
        var id = "failing-" + Guid.NewGuid().ToString("N");
        await workflows.StartAsync(Actor.System("tests"), TestWorkflows.Failing.Type, id, null);
        await Eventually.ValueAsync(() => workflows.FindAsync(id), i => i?.Status == WorkflowRuntimeStatus.Failed, TimeSpan.FromSeconds(60));
        var key = "workflow-failures|" + TestWorkflows.Failing.Type;

        // Unset section: the configured threshold (3 failures an hour) applies, and one failure is below it.
        var quiet = await EvaluateAsync();
        Assert.DoesNotContain(quiet.Raised, a => a.DeduplicationKey == key);

        await PutAsync(admin, failedWorkflowsPerHour: 1, "page on the first failed workflow");
        var raised = await EvaluateAsync();
        var alert = Assert.Single(raised.Raised, a => a.DeduplicationKey == key);
        Assert.Equal("1", alert.Details["threshold"]);
        Assert.Equal("1", alert.Details["failures"]);
        Assert.Equal("deterministic: This step always fails.", alert.Details["lastError"]);
        // alertEmails travel on the alert's integration event, for the mail platform to deliver.
        var published = (await TestEvents.PeekAsync(_factory, EventDestinations.SecurityAlerts)).Select(e => e.GetProperty("data"))
            .Single(d => d.GetProperty("type").GetString() == "workflow-failures");
        Assert.Equal(["oncall@penguinmails.com"], published.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));

        // null hands the threshold back to configuration: the condition no longer holds and is closed.
        await PutAsync(admin, failedWorkflowsPerHour: null, "too noisy");
        var cleared = await EvaluateAsync();
        Assert.DoesNotContain(cleared.Raised, a => a.DeduplicationKey == key);
        Assert.Contains(key, cleared.Cleared);
    }

    [Fact]
    public async Task VersionZero_ShowsTheConfiguredThresholds_AndRollingBackToItFollowsConfigurationAgain()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var unset = await (await admin.GetAsync("/api/settings/monitoring")).ReadJsonAsync();
        Assert.Equal(0, unset.GetProperty("version").GetInt32());
        Assert.True(unset.GetProperty("usesDefaults").GetBoolean());
        Assert.Equal(3, unset.GetProperty("values").GetProperty("failedWorkflowsPerHour").GetInt32());
        Assert.Equal(["ops@penguinmails.com"], unset.GetProperty("values").GetProperty("alertEmails").EnumerateArray().Select(e => e.GetString()));

        await PutAsync(admin, failedWorkflowsPerHour: 1, "page on the first failed workflow");
        var thresholds = _factory.Services.GetRequiredService<IMonitoringThresholds>();
        Assert.Equal(1, (await thresholds.GetAsync()).FailedWorkflowsPerHour);
        Assert.Equal(["oncall@penguinmails.com"], (await thresholds.GetAsync()).AlertEmails);

        var rolledBack = await (await admin.PostAsJsonAsync("/api/settings/monitoring/rollback", new { version = 0, reason = "back to configuration" }))
            .ReadJsonAsync();
        Assert.Equal(2, rolledBack.GetProperty("version").GetInt32());
        Assert.True(rolledBack.GetProperty("usesDefaults").GetBoolean());
        Assert.Equal(3, rolledBack.GetProperty("values").GetProperty("failedWorkflowsPerHour").GetInt32());
        Assert.Equal(3, (await thresholds.GetAsync()).FailedWorkflowsPerHour);
        Assert.Equal(["ops@penguinmails.com"], (await thresholds.GetAsync()).AlertEmails);

        var versions = (await (await admin.GetAsync("/api/settings/monitoring/versions")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([true, false], versions.Select(v => v.GetProperty("usesDefaults").GetBoolean()));
        Assert.Equal("back to configuration", versions[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task NewThresholds_AreValidated()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var response = await admin.PutAsJsonAsync("/api/settings/monitoring", new
        {
            values = new
            {
                errorRatePercent = 5, queueBacklog = 1000, p95LatencyMs = 2000, failedJobsPerHour = 10, alertEmails = Array.Empty<string>(),
                poisonMessages = 0, oldestMessageAgeSeconds = 700_000, failedWorkflowsPerHour = 0, minimumRequests = -1, renotifyAfterMinutes = 0,
            },
        });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "poisonMessages", "oldestMessageAgeSeconds", "failedWorkflowsPerHour", "minimumRequests", "renotifyAfterMinutes" })
        {
            Assert.True(errors.TryGetProperty("values." + field, out _), field);
        }
    }

    private Task<AlertEvaluation> EvaluateAsync() => _factory.Services.GetRequiredService<MonitoringAlertEvaluator>().EvaluateAsync();

    private static async Task PutAsync(HttpClient client, int? failedWorkflowsPerHour, string reason) =>
        (await client.PutAsJsonAsync("/api/settings/monitoring", new
        {
            values = new { errorRatePercent = 5, queueBacklog = 1000, p95LatencyMs = 2000, failedJobsPerHour = 10, alertEmails = new[] { "oncall@penguinmails.com" },
                failedWorkflowsPerHour },
            reason,
        })).EnsureSuccessStatusCode();

    private sealed class ConfiguredApp() : AdminAppFactory(new Dictionary<string, string?>
    {
        ["Monitoring:FailedWorkflowsPerHour"] = "3",
        ["Monitoring:AlertEmails:0"] = "ops@penguinmails.com",
    });
}
