namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// What the alert timer does: compares queues, request metrics, jobs, workflows and component health with the
/// thresholds, raises each condition that holds once (claiming it across instances first), and closes conditions
/// that no longer hold so that a recurrence alerts again.
/// </summary>
public sealed class MonitoringAlertEvaluator(
    MonitoringReports reports,
    IQueueStatsSource queues,
    IComponentHealthSource health,
    IMonitoringThresholds thresholds,
    IAlertConditionStore conditions,
    IAlertSink sink,
    TimeProvider time)
{
    public async Task<AlertEvaluation> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        var limits = await thresholds.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var holding = new List<MonitoringAlert>();
        holding.AddRange(AlertRules.ForQueues(await queues.GetAsync(cancellationToken), limits, now));
        holding.AddRange(AlertRules.ForEndpoints(await reports.GetMetricsAsync(cancellationToken), limits, now));
        holding.AddRange(AlertRules.ForJobs(await reports.GetJobsAsync(cancellationToken), limits, now));
        holding.AddRange(AlertRules.ForComponents(await health.CheckAsync(cancellationToken), now));

        var raised = new List<MonitoringAlert>();
        var failures = new List<Exception>();
        var renotify = TimeSpan.FromMinutes(Math.Max(1, limits.RenotifyAfterMinutes));
        foreach (var alert in holding)
        {
            if (!await conditions.TryClaimAsync(alert.DeduplicationKey, now, renotify, cancellationToken))
            {
                continue;
            }
            try
            {
                var addressed = alert with { Recipients = limits.AlertEmails };
                await sink.RaiseAsync(addressed, cancellationToken);
                raised.Add(addressed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Release the claim so the next run tries again, and keep going: one broken alert must not hide the others.
                await conditions.CloseAsync(alert.DeduplicationKey, cancellationToken);
                failures.Add(e);
            }
        }

        var keys = holding.Select(a => a.DeduplicationKey).ToHashSet(StringComparer.Ordinal);
        var cleared = (await conditions.ListOpenAsync(cancellationToken)).Where(k => !keys.Contains(k)).ToList();
        foreach (var key in cleared)
        {
            await conditions.CloseAsync(key, cancellationToken);
        }
        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of {holding.Count} alerts could not be raised.", failures);
        }
        return new AlertEvaluation(holding.Count, raised, cleared);
    }
}
