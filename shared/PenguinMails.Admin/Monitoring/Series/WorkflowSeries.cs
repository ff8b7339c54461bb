namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>Workflow starts, completions or failures counted per bucket.</summary>
internal static class WorkflowSeries
{
    public static IReadOnlyList<SeriesPoint> Points(SeriesQuery query, IReadOnlyList<DateTimeOffset> buckets, IEnumerable<WorkflowRunEvent> events)
    {
        var kind = query.Metric switch
        {
            SeriesMetric.WorkflowStarts => WorkflowRunEventKind.Started,
            SeriesMetric.WorkflowCompletions => WorkflowRunEventKind.Completed,
            _ => WorkflowRunEventKind.Failed,
        };
        var counts = events.Where(e => e.Kind == kind).CountBy(e => query.BucketOf(e.At)).ToDictionary();
        return buckets.Select(bucket => new SeriesPoint(bucket, counts.GetValueOrDefault(bucket))).ToList();
    }
}
