namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Builds the job and request reports from the durable per-minute and per-hour rows of every instance. Windows
/// are whole buckets ending with the current, partial one: 5 minutes and 1 hour of minute rows for requests,
/// 60 minute rows for a job's last hour, 24 hour rows for its last day.
/// </summary>
public sealed class MonitoringReports(
    IRequestStatsStore requests,
    IJobStatsStore jobs,
    IWorkflowStatsSource workflows,
    IMonitoredFunctions functions,
    TimeProvider time)
{
    public const int ShortWindowMinutes = 5;
    public const int LongWindowMinutes = 60;
    public const int DayWindowHours = 24;

    public async Task<IReadOnlyList<EndpointMetrics>> GetMetricsAsync(CancellationToken cancellationToken = default)
    {
        var minute = MinuteClock.Minute(time.GetUtcNow());
        var shortFrom = minute.AddMinutes(1 - ShortWindowMinutes);
        var rows = new Dictionary<string, List<RequestMinute>>(StringComparer.Ordinal);
        await foreach (var row in requests.ReadAsync(minute.AddMinutes(1 - LongWindowMinutes), minute, cancellationToken))
        {
            (rows.TryGetValue(row.Function, out var list) ? list : rows[row.Function] = []).Add(row);
        }
        return functions.All().Where(f => f.Kind == MonitoredFunction.Http).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f =>
        {
            var own = rows.GetValueOrDefault(f.Name) ?? [];
            return new EndpointMetrics(f.Name, RequestWindow.From(own.Where(r => r.Minute >= shortFrom), ShortWindowMinutes),
                RequestWindow.From(own, LongWindowMinutes));
        }).ToList();
    }

    public async Task<IReadOnlyList<JobSummary>> GetJobsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var minute = MinuteClock.Minute(now);
        var hour = MinuteClock.Hour(now);
        var lastHour = await SumAsync(jobs.ReadBucketsAsync(JobBucketSize.Minute, minute.AddMinutes(1 - LongWindowMinutes), minute, cancellationToken));
        var lastDay = await SumAsync(jobs.ReadBucketsAsync(JobBucketSize.Hour, hour.AddHours(1 - DayWindowHours), hour, cancellationToken));
        var lastRuns = (await jobs.ReadLastRunsAsync(cancellationToken)).ToLookup(r => r.Function, StringComparer.Ordinal);
        var summaries = functions.All().Where(f => f.Kind is not (MonitoredFunction.Http or MonitoredFunction.Workflow)).Select(f =>
        {
            var success = lastRuns[f.Name].Max(r => r.LastSuccessAt);
            var failure = lastRuns[f.Name].Where(r => r.LastFailureAt is not null).MaxBy(r => r.LastFailureAt);
            return new JobSummary(f.Name, f.Kind, lastHour.GetValueOrDefault(f.Name, new JobWindow(0, 0)),
                lastDay.GetValueOrDefault(f.Name, new JobWindow(0, 0)), success, failure?.LastFailureAt, failure?.LastError);
        }).ToList();
        summaries.AddRange(await workflows.GetAsync(now, cancellationToken));
        return summaries.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private static async Task<Dictionary<string, JobWindow>> SumAsync(IAsyncEnumerable<JobBucket> buckets)
    {
        var totals = new Dictionary<string, JobWindow>(StringComparer.Ordinal);
        await foreach (var bucket in buckets)
        {
            var current = totals.GetValueOrDefault(bucket.Function, new JobWindow(0, 0));
            totals[bucket.Function] = new JobWindow(current.Runs + bucket.Runs, current.Failures + bucket.Failures);
        }
        return totals;
    }
}
