using Microsoft.Extensions.Diagnostics.HealthChecks;
using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Functions.Monitoring.HealthChecks;

/// <summary>
/// Runs every ASP.NET Core health check tagged <see cref="ComponentTag"/> (features register theirs with
/// <c>services.AddHealthChecks().AddCheck&lt;T&gt;("vault", tags: [ComponentTag])</c>) and reports each with its
/// status, latency and a short reason. A check that threw or timed out reports only that, never the exception text.
/// </summary>
public sealed class ComponentHealthReporter(HealthCheckService health) : IComponentHealthSource
{
    public const string ComponentTag = "component";
    private const int MaxReasonLength = 200;

    public async Task<IReadOnlyList<ComponentHealth>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(ComponentTag), cancellationToken);
        return report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ComponentHealth(e.Key, Status(e.Value.Status), Math.Round(e.Value.Duration.TotalMilliseconds, 1), Reason(e.Value)))
            .ToList();
    }

    private static ComponentStatus Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => ComponentStatus.Healthy,
        HealthStatus.Degraded => ComponentStatus.Degraded,
        _ => ComponentStatus.Unhealthy,
    };

    private static string Reason(HealthReportEntry entry)
    {
        var reason = entry.Exception switch
        {
            OperationCanceledException => "the check did not finish in time",
            { } e => $"the check failed ({e.GetType().Name})",
            null => ErrorText.Sanitize(entry.Description ?? entry.Status.ToString()),
        };
        return reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 1)] + "…";
    }
}
