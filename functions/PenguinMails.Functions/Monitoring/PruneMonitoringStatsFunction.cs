using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Monitoring.Series;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Monitoring;

/// <summary>Nightly: deletes per-minute and per-hour rows (requests, jobs, queue samples) older than the retention; the reports only read the last day.</summary>
public sealed class PruneMonitoringStatsFunction(IRequestStatsStore requests, IJobStatsStore jobs, IQueueSampleStore queues,
    MonitoringOptions options, TimeProvider time) : ITriggeredFunction
{
    public const string Name = "PruneMonitoringStats";
    public const string Schedule = "0 40 3 * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().AddDays(-Math.Max(2, options.RetentionDays));
        var requestRows = await requests.PruneAsync(before, cancellationToken);
        var jobRows = await jobs.PruneAsync(before, cancellationToken);
        var queueRows = await queues.PruneAsync(before, cancellationToken);
        invocation.Logs.Add($"Deleted {requestRows} request, {jobRows} job and {queueRows} queue rows before {before:u}.");
    }
}
