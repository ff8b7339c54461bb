namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>
/// Builds a metric's points from the durable rows every instance writes, summed (or, for latency, merged histogram by
/// histogram) across instances: request minutes, job-run buckets, queue samples and the workflow run timeline. Every
/// bucket of the range is listed, so a quiet minute is a zero and an unmeasured one a null, never a gap.
/// </summary>
public sealed class MonitoringSeries(
    IRequestStatsStore requests,
    IJobStatsStore jobs,
    IQueueSampleStore queues,
    IWorkflowRunTimeline workflows,
    IMonitoredFunctions functions,
    TimeProvider time)
{
    /// <summary>The names a metric's <c>name</c> may take: HTTP functions, timer and queue functions, or workflow types (queues are checked by the caller).</summary>
    public IReadOnlyCollection<string> NamesOf(SeriesFamily family) => family switch
    {
        SeriesFamily.Requests => functions.All().Where(f => f.Kind == MonitoredFunction.Http).Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
        SeriesFamily.Jobs => functions.All().Where(f => f.Kind is not (MonitoredFunction.Http or MonitoredFunction.Workflow)).Select(f => f.Name)
            .ToHashSet(StringComparer.Ordinal),
        SeriesFamily.Workflows => workflows.Types.ToHashSet(StringComparer.Ordinal),
        _ => [],
    };

    public async Task<IReadOnlyList<SeriesPoint>> GetAsync(SeriesQuery query, CancellationToken cancellationToken = default)
    {
        var buckets = query.Buckets(time.GetUtcNow());
        if (buckets.Count == 0)
        {
            return [];
        }
        var from = buckets[0];
        var to = buckets[^1] + query.StepLength;
        return SeriesMetrics.Family(query.Metric) switch
        {
            SeriesFamily.Requests => RequestSeries.Points(query, buckets, await ReadRequestsAsync(query.Name, from, to, cancellationToken)),
            SeriesFamily.Jobs => await JobPointsAsync(query, buckets, from, to, cancellationToken),
            SeriesFamily.Queues => QueueSeries.Points(query, buckets, await queues.ReadAsync(from, to.AddMinutes(-1), cancellationToken)
                .Where(s => query.Name is null || s.Queue == query.Name).ToListAsync(cancellationToken)),
            _ => WorkflowSeries.Points(query, buckets, await workflows.ListAsync(query.Name, from, to, cancellationToken)),
        };
    }

    private async Task<List<RequestMinute>> ReadRequestsAsync(string? function, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var last = to.AddMinutes(-1);
        var rows = function is null ? requests.ReadAsync(from, last, cancellationToken) : requests.ReadFunctionAsync(function, from, last, cancellationToken);
        return await rows.ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<SeriesPoint>> JobPointsAsync(SeriesQuery query, IReadOnlyList<DateTimeOffset> buckets, DateTimeOffset from,
        DateTimeOffset to, CancellationToken cancellationToken)
    {
        var size = query.Step == SeriesStep.Minute ? JobBucketSize.Minute : JobBucketSize.Hour;
        var totals = new Dictionary<DateTimeOffset, long>();
        await foreach (var bucket in jobs.ReadBucketsAsync(size, from, to - query.StepLength, cancellationToken))
        {
            if (query.Name is null || bucket.Function == query.Name)
            {
                totals[bucket.Start] = totals.GetValueOrDefault(bucket.Start) + (query.Metric == SeriesMetric.JobRuns ? bucket.Runs : bucket.Failures);
            }
        }
        return buckets.Select(b => new SeriesPoint(b, totals.GetValueOrDefault(b))).ToList();
    }
}
