namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>A figure GET /monitoring/series charts over time; <see cref="SeriesMetrics"/> gives each its wire name and unit.</summary>
public enum SeriesMetric
{
    Requests,
    ClientErrors,
    ServerErrors,
    P95LatencyMs,
    QueueDepth,
    QueueOldestAgeSeconds,
    JobRuns,
    JobFailures,
    WorkflowStarts,
    WorkflowCompletions,
    WorkflowFailures,
}
