using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Monitoring;

/// <summary>Component health, queues, jobs, request metrics and their series over time, for operators.</summary>
public static class MonitoringApi
{
    public static void MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring").WithTags("Monitoring");
        group.MapGet("/health", GetHealth).WithName("GetMonitoringHealth").RequirePermission(Permissions.MonitoringRead);
        group.MapGet("/queues", ListQueues).WithName("ListMonitoringQueues").RequirePermission(Permissions.MonitoringRead);
        group.MapGet("/jobs", ListJobs).WithName("ListMonitoringJobs").RequirePermission(Permissions.MonitoringRead);
        group.MapGet("/metrics", ListMetrics).WithName("ListMonitoringMetrics").RequirePermission(Permissions.MonitoringRead);
        group.MapGet("/series", SeriesEndpoint.GetSeries).WithName("GetMonitoringSeries").RequirePermission(Permissions.MonitoringRead);
    }

    /// <summary>Always 200: an unhealthy component is the answer, not a failure of this call.</summary>
    private static async Task<Ok<HealthReportResponse>> GetHealth(IComponentHealthSource health, TimeProvider time, CancellationToken cancellationToken)
    {
        var components = await health.CheckAsync(cancellationToken);
        var worst = components.Count == 0 ? ComponentStatus.Healthy : components.Max(c => c.Status);
        return TypedResults.Ok(new HealthReportResponse(MonitoringContracts.Status(worst), time.GetUtcNow(),
            components.Select(ComponentResponse.From).ToList()));
    }

    private static async Task<Ok<Page<QueueResponse>>> ListQueues(IQueueStatsSource queues, CursorCodec cursors, int? pageSize, string? cursor,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.From(pageSize, cursor);
        var stats = await queues.GetAsync(cancellationToken);
        return TypedResults.Ok(NamedPages.Of(stats.Select(QueueResponse.From), q => q.Name, page, "monitoring.queues", cursors));
    }

    private static async Task<Ok<Page<JobResponse>>> ListJobs(MonitoringFlusher flusher, MonitoringReports reports, CursorCodec cursors, int? pageSize,
        string? cursor, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(pageSize, cursor);
        await flusher.FlushAsync(cancellationToken);
        var jobs = await reports.GetJobsAsync(cancellationToken);
        return TypedResults.Ok(NamedPages.Of(jobs.Select(JobResponse.From), j => j.Name + "\u0001" + j.Kind, page, "monitoring.jobs", cursors));
    }

    private static async Task<Ok<Page<MetricsResponse>>> ListMetrics(MonitoringFlusher flusher, MonitoringReports reports, CursorCodec cursors,
        int? pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(pageSize, cursor);
        await flusher.FlushAsync(cancellationToken);
        var metrics = await reports.GetMetricsAsync(cancellationToken);
        return TypedResults.Ok(NamedPages.Of(metrics.Select(MetricsResponse.From), m => m.Function, page, "monitoring.metrics", cursors));
    }
}
