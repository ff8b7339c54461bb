using System.Globalization;
using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PenguinMails.Functions.Monitoring.HealthChecks;

/// <summary>
/// Runs one dependency probe with a timeout and turns the outcome into a health result whose description is a
/// short, fixed-form reason: never an exception message, which may carry account names, URLs or keys.
/// </summary>
public sealed class HealthProbe(MonitoringOptions options, TimeProvider time)
{
    /// <param name="probe">Returns null when the dependency is fine, or a short reason why it is not.</param>
    public async Task<HealthCheckResult> RunAsync(string component, Func<CancellationToken, Task<string?>> probe, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.HealthTimeoutSeconds);
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = time.GetTimestamp();
        try
        {
            if (await probe(linked.Token) is { } problem)
            {
                return HealthCheckResult.Unhealthy(problem);
            }
            var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
            return elapsed > options.HealthDegradedLatencyMs
                ? HealthCheckResult.Degraded($"{component} answered slowly ({elapsed.ToString("F0", CultureInfo.InvariantCulture)} ms)")
                : HealthCheckResult.Healthy($"{component} answered");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{component} did not answer within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{component} {Describe(e)}");
        }
    }

    private static string Describe(Exception e) => e switch
    {
        RequestFailedException { Status: 401 or 403 } => "refused our credentials",
        RequestFailedException { Status: 0 } => "is unreachable",
        RequestFailedException { Status: var status } => $"answered {status.ToString(CultureInfo.InvariantCulture)}",
        AggregateException or HttpRequestException or System.Net.Sockets.SocketException => "is unreachable",
        _ => $"check failed ({e.GetType().Name})",
    };
}
