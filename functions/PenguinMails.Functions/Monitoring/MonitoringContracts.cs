using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Functions.Monitoring;

/// <summary>GET /monitoring/health: the worst component status, and each component.</summary>
public sealed record HealthReportResponse(string Status, DateTimeOffset CheckedAt, IReadOnlyList<ComponentResponse> Components);

public sealed record ComponentResponse(string Name, string Status, double LatencyMs, string Reason)
{
    public static ComponentResponse From(ComponentHealth c) => new(c.Name, MonitoringContracts.Status(c.Status), c.LatencyMs, c.Reason);
}

/// <summary>GET /monitoring/queues item. Ages are in seconds; null when no message is visible.</summary>
public sealed record QueueResponse(string Name, bool Exists, long Depth, double? OldestMessageAgeSeconds, long PoisonCount)
{
    public static QueueResponse From(QueueStats q) =>
        new(q.Name, q.Exists, q.Depth, q.OldestMessageAge is { } age ? Math.Round(age.TotalSeconds, 1) : null, q.PoisonCount);
}

public sealed record JobWindowResponse(long Runs, long Failures);

/// <summary>GET /monitoring/jobs item: a timer or queue function, or a workflow type.</summary>
public sealed record JobResponse(string Name, string Kind, JobWindowResponse LastHour, JobWindowResponse LastDay, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt, string? LastError)
{
    public static JobResponse From(JobSummary j) => new(j.Name, j.Kind, new(j.LastHour.Runs, j.LastHour.Failures),
        new(j.LastDay.Runs, j.LastDay.Failures), j.LastSuccessAt, j.LastFailureAt, j.LastError);
}

/// <summary>One window of an HTTP function's requests; error rates are percentages, latencies milliseconds.</summary>
public sealed record RequestWindowResponse(long Requests, double RequestsPerMinute, long ServerErrors, long ClientErrors, double ErrorRatePercent,
    double ClientErrorRatePercent, double? P50Ms, double? P95Ms)
{
    public static RequestWindowResponse From(RequestWindow w) =>
        new(w.Requests, w.RequestsPerMinute, w.ServerErrors, w.ClientErrors, w.ErrorRatePercent, w.ClientErrorRatePercent, w.P50Ms, w.P95Ms);
}

/// <summary>GET /monitoring/metrics item: one HTTP function (its endpoint name) over 5 minutes and 1 hour.</summary>
public sealed record MetricsResponse(string Function, RequestWindowResponse Last5Minutes, RequestWindowResponse LastHour)
{
    public static MetricsResponse From(EndpointMetrics m) =>
        new(m.Function, RequestWindowResponse.From(m.Last5Minutes), RequestWindowResponse.From(m.LastHour));
}

internal static class MonitoringContracts
{
    public static string Status(ComponentStatus status) => status.ToString().ToLowerInvariant();
}
