using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// The alert thresholds come from the platform settings' <c>monitoring</c> section, with configuration while it is
/// unset: a change saved through the settings API decides whether the next evaluation raises an alert.
/// </summary>
public sealed class MonitoringSettingsAlertTests : IDisposable
{
    private readonly AdminAppFactory _factory = new ConfiguredApp().Register();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ChangingTheMonitoringSetting_DecidesWhetherAWorkflowFailureAlertFires()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var worker = new TestWorker(_factory);
        var id = "failing-" + Guid.NewGuid().ToString("N");
        await worker.Client.StartAsync(Actor.System("tests"), TestWorkflows.Flaky.Type, id, "deterministic");
        await worker.DrainAsync();
        var key = "workflow-failures|" + TestWorkflows.Flaky.Type;

        // Unset section: the configured threshold (3 failures an hour) applies, and one failure is below it.
        var quiet = await EvaluateAsync();
        Assert.DoesNotContain(quiet.Raised, a => a.DeduplicationKey == key);

        await PutAsync(admin, failedWorkflowsPerHour: 1, "page on the first failed workflow");
        var raised = await EvaluateAsync();
        var alert = Assert.Single(raised.Raised, a => a.DeduplicationKey == key);
        Assert.Equal("1", alert.Details["threshold"]);
        Assert.Equal("1", alert.Details["failures"]);
        Assert.StartsWith("conflict:", alert.Details["lastError"]);

        // null hands the threshold back to configuration: the condition no longer holds and is closed.
        await PutAsync(admin, failedWorkflowsPerHour: null, "too noisy");
        var cleared = await EvaluateAsync();
        Assert.DoesNotContain(cleared.Raised, a => a.DeduplicationKey == key);
        Assert.Contains(key, cleared.Cleared);
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
            values = new { errorRatePercent = 5, queueBacklog = 1000, p95LatencyMs = 2000, failedJobsPerHour = 10, alertEmails = Array.Empty<string>(), failedWorkflowsPerHour },
            reason,
        })).EnsureSuccessStatusCode();

    private sealed class ConfiguredApp() : AdminAppFactory(new Dictionary<string, string?> { ["Monitoring:FailedWorkflowsPerHour"] = "3" });
}
