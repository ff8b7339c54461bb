namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>The wire names, units and sources of the series metrics.</summary>
public static class SeriesMetrics
{
    private static readonly (SeriesMetric Metric, string Name, string Unit, SeriesFamily Family)[] Catalog =
    [
        (SeriesMetric.Requests, "requests", "count", SeriesFamily.Requests),
        (SeriesMetric.ClientErrors, "4xx", "count", SeriesFamily.Requests),
        (SeriesMetric.ServerErrors, "5xx", "count", SeriesFamily.Requests),
        (SeriesMetric.P95LatencyMs, "p95", "ms", SeriesFamily.Requests),
        (SeriesMetric.QueueDepth, "queue-depth", "messages", SeriesFamily.Queues),
        (SeriesMetric.QueueOldestAgeSeconds, "queue-oldest-age", "seconds", SeriesFamily.Queues),
        (SeriesMetric.JobRuns, "job-runs", "count", SeriesFamily.Jobs),
        (SeriesMetric.JobFailures, "job-failures", "count", SeriesFamily.Jobs),
        (SeriesMetric.WorkflowStarts, "workflow-starts", "count", SeriesFamily.Workflows),
        (SeriesMetric.WorkflowCompletions, "workflow-completions", "count", SeriesFamily.Workflows),
        (SeriesMetric.WorkflowFailures, "workflow-failures", "count", SeriesFamily.Workflows),
    ];

    public static IReadOnlyList<string> Names { get; } = Catalog.Select(c => c.Name).ToList();

    public static SeriesMetric? Parse(string? name) =>
        Catalog.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found ? found.Metric : null;

    public static string Name(SeriesMetric metric) => Find(metric).Name;

    public static string Unit(SeriesMetric metric) => Find(metric).Unit;

    public static SeriesFamily Family(SeriesMetric metric) => Find(metric).Family;

    private static (SeriesMetric Metric, string Name, string Unit, SeriesFamily Family) Find(SeriesMetric metric) =>
        Catalog.First(c => c.Metric == metric);
}
