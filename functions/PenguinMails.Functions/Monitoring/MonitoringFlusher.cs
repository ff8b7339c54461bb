using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Functions.Monitoring;

/// <summary>
/// Writes this instance's pending request minutes and job runs to storage every
/// <see cref="MonitoringOptions.FlushIntervalSeconds"/>, and once more at shutdown. The monitoring endpoints and the
/// alert timer flush first too, so they always include this instance's latest figures; other instances lag by at
/// most one interval. A failed write stays pending and is retried.
/// </summary>
public sealed partial class MonitoringFlusher(
    RequestMinuteAggregator requests,
    JobRunAggregator jobs,
    IRequestStatsStore requestStore,
    IJobStatsStore jobStore,
    MonitoringOptions options,
    TimeProvider time,
    ILogger<MonitoringFlusher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            await WriteAsync(requests.TakePending(options.InstanceId, now), requestStore.WriteAsync, cancellationToken);
            await WriteAsync(jobs.TakePendingBuckets(options.InstanceId, now), jobStore.WriteBucketsAsync, cancellationToken);
            await WriteAsync(jobs.TakePendingLastRuns(options.Machine), jobStore.WriteLastRunsAsync, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.FlushIntervalSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; StopAsync flushes one last time.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Shutdown must go on; what could not be written is lost with this process (at most one interval).
            LogFlushFailed(e);
        }
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFlushFailed(e);
        }
    }

    private static async Task WriteAsync<T>(FlushBatch<T> batch, Func<IReadOnlyCollection<T>, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        if (batch.Rows.Count > 0)
        {
            await write((IReadOnlyCollection<T>)batch.Rows, cancellationToken);
        }
        batch.Commit();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing monitoring figures failed; they stay pending and are retried")]
    private partial void LogFlushFailed(Exception exception);
}
