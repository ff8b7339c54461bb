using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Tests.Monitoring;

public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly MonitoringThresholds Limits = new() { MinimumRequests = 10, ErrorRatePercent = 5, PoisonMessages = 1, OldestMessageAgeSeconds = 60 };

    private static RequestWindow Window(long requests, long serverErrors) =>
        new(requests, requests / 5.0, serverErrors, 0, requests == 0 ? 0 : 100.0 * serverErrors / requests, 0, 10, 20);

    [Fact]
    public void ErrorRate_AlertsOnlyWithEnoughRequests()
    {
        var endpoints = new[]
        {
            new EndpointMetrics("Busy", Window(100, 10), Window(100, 10)),
            new EndpointMetrics("Quiet", Window(3, 3), Window(3, 3)),
            new EndpointMetrics("Fine", Window(100, 1), Window(100, 1)),
        };
        var alert = Assert.Single(AlertRules.ForEndpoints(endpoints, Limits, Now));
        Assert.Equal("http-error-rate|Busy", alert.DeduplicationKey);
        Assert.Equal(MonitoringAlertSeverity.Critical, alert.Severity);
    }

    [Fact]
    public void Queues_AlertOnPoisonAndAge_WithOneKeyPerQueueAndCondition()
    {
        var queues = new[]
        {
            new QueueStats("audit-index", true, 2, TimeSpan.FromMinutes(5), 1),
            new QueueStats("user-events", true, 0, null, 0),
        };
        var keys = AlertRules.ForQueues(queues, Limits, Now).Select(a => a.DeduplicationKey).Order().ToList();
        Assert.Equal(["queue-message-age|audit-index", "queue-poison-messages|audit-index"], keys);
    }

    [Fact]
    public void FailedWorkflows_UseTheirOwnThreshold()
    {
        var jobs = new[]
        {
            new JobSummary("Offboarding", MonitoredFunction.Workflow, new JobWindow(4, 1), new JobWindow(4, 1), null, Now, "failed"),
            new JobSummary("Sweep", "timer", new JobWindow(4, 1), new JobWindow(4, 1), null, Now, "failed"),
        };
        var alert = Assert.Single(AlertRules.ForJobs(jobs, Limits, Now));
        Assert.Equal("workflow-failures|Offboarding", alert.DeduplicationKey);
    }
}
