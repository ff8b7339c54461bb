using System.Globalization;

namespace PenguinMails.Admin.Monitoring;

/// <summary>The alert conditions: each turns current figures and thresholds into the alerts that hold right now.</summary>
public static class AlertRules
{
    public static IEnumerable<MonitoringAlert> ForQueues(IEnumerable<QueueStats> queues, MonitoringThresholds limits, DateTimeOffset now)
    {
        foreach (var queue in queues)
        {
            if (queue.PoisonCount >= limits.PoisonMessages)
            {
                yield return Alert("queue-poison-messages", MonitoringAlertSeverity.Critical,
                    $"{queue.PoisonCount} message(s) in {queue.Name}-poison failed every retry.", now, queue.Name,
                    ("queue", queue.Name), ("poisonCount", Text(queue.PoisonCount)), ("threshold", Text(limits.PoisonMessages)));
            }
            if (queue.OldestMessageAge is { } age && age.TotalSeconds >= limits.OldestMessageAgeSeconds)
            {
                yield return Alert("queue-message-age", MonitoringAlertSeverity.Warning,
                    $"The oldest message in {queue.Name} has waited {(long)age.TotalSeconds} s.", now, queue.Name,
                    ("queue", queue.Name), ("oldestMessageAgeSeconds", Text((long)age.TotalSeconds)), ("threshold", Text(limits.OldestMessageAgeSeconds)));
            }
            if (queue.Depth >= limits.QueueBacklog)
            {
                yield return Alert("queue-backlog", MonitoringAlertSeverity.Warning, $"{queue.Depth} messages are waiting in {queue.Name}.", now,
                    queue.Name, ("queue", queue.Name), ("depth", Text(queue.Depth)), ("threshold", Text(limits.QueueBacklog)));
            }
        }
    }

    public static IEnumerable<MonitoringAlert> ForEndpoints(IEnumerable<EndpointMetrics> endpoints, MonitoringThresholds limits, DateTimeOffset now)
    {
        foreach (var endpoint in endpoints)
        {
            var window = endpoint.Last5Minutes;
            if (window.Requests < limits.MinimumRequests)
            {
                continue;
            }
            if (window.ErrorRatePercent >= limits.ErrorRatePercent)
            {
                yield return Alert("http-error-rate", MonitoringAlertSeverity.Critical,
                    $"{endpoint.Function}: {window.ErrorRatePercent}% of {window.Requests} requests failed (5xx) in 5 minutes.", now,
                    endpoint.Function, ("function", endpoint.Function), ("errorRatePercent", Text(window.ErrorRatePercent)),
                    ("requests", Text(window.Requests)), ("threshold", Text(limits.ErrorRatePercent)));
            }
            if (window.P95Ms >= limits.P95LatencyMs)
            {
                yield return Alert("http-latency", MonitoringAlertSeverity.Warning,
                    $"{endpoint.Function}: p95 latency {window.P95Ms} ms over 5 minutes.", now, endpoint.Function,
                    ("function", endpoint.Function), ("p95Ms", Text(window.P95Ms ?? 0)), ("threshold", Text(limits.P95LatencyMs)));
            }
        }
    }

    public static IEnumerable<MonitoringAlert> ForJobs(IEnumerable<JobSummary> jobs, MonitoringThresholds limits, DateTimeOffset now)
    {
        foreach (var job in jobs)
        {
            var workflow = job.Kind == MonitoredFunction.Workflow;
            var limit = workflow ? limits.FailedWorkflowsPerHour : limits.FailedJobsPerHour;
            if (job.LastHour.Failures >= limit)
            {
                yield return Alert(workflow ? "workflow-failures" : "job-failures", MonitoringAlertSeverity.Critical,
                    $"{job.Name} ({job.Kind}) failed {job.LastHour.Failures} time(s) in the last hour.", now, job.Name,
                    ("job", job.Name), ("kind", job.Kind), ("failures", Text(job.LastHour.Failures)), ("threshold", Text(limit)),
                    ("lastError", job.LastError ?? ""));
            }
        }
    }

    public static IEnumerable<MonitoringAlert> ForComponents(IEnumerable<ComponentHealth> components, DateTimeOffset now) =>
        components.Where(c => c.Status == ComponentStatus.Unhealthy).Select(c => Alert("component-unhealthy", MonitoringAlertSeverity.Critical,
            $"{c.Name} is unhealthy: {c.Reason}", now, c.Name, ("component", c.Name), ("reason", c.Reason)));

    private static MonitoringAlert Alert(string type, MonitoringAlertSeverity severity, string summary, DateTimeOffset now, string subject,
        params (string Key, string Value)[] details) =>
        new(type, severity, summary, now, type + "|" + subject, details.ToDictionary(d => d.Key, d => d.Value));

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
