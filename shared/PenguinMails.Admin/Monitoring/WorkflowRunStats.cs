using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Job figures per registered workflow type, from the durable run log, so every instance of the app reports the same
/// numbers: executions that finished in the last hour and the last 24 hours (completed, failed or terminated; failures
/// are the failed ones), the latest completion, and the latest failure with its error, sanitized. Each figure is a
/// range query over the window's finish rows in the type's partition, never a scan of history.
/// </summary>
public sealed class WorkflowRunStats(WorkflowRegistry registry, IWorkflowRunLog runs) : IWorkflowStatsSource
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<JobSummary>> GetAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await Task.WhenAll(registry.Types.Order(StringComparer.Ordinal).Select(type => SummarizeAsync(type, now, cancellationToken)));

    private async Task<JobSummary> SummarizeAsync(string type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Day;
        var completed = await runs.ListFinishedAsync(type, WorkflowRuntimeStatus.Completed, since, cancellationToken);
        var failed = await runs.ListFinishedAsync(type, WorkflowRuntimeStatus.Failed, since, cancellationToken);
        var terminated = await runs.ListFinishedAsync(type, WorkflowRuntimeStatus.Terminated, since, cancellationToken);
        // The lists are newest first: their head is the latest; only an older one needs its own query.
        var lastSuccess = completed.FirstOrDefault() ?? await runs.LastFinishedAsync(type, WorkflowRuntimeStatus.Completed, cancellationToken);
        var lastFailure = failed.FirstOrDefault() ?? await runs.LastFinishedAsync(type, WorkflowRuntimeStatus.Failed, cancellationToken);

        JobWindow Window(DateTimeOffset from)
        {
            var failures = failed.Count(r => r.FinishedAt >= from);
            return new JobWindow(completed.Count(r => r.FinishedAt >= from) + failures + terminated.Count(r => r.FinishedAt >= from), failures);
        }

        return new JobSummary(type, MonitoredFunction.Workflow, Window(now - Hour), Window(since), lastSuccess?.FinishedAt, lastFailure?.FinishedAt,
            lastFailure?.Error is { } error ? ErrorText.Summarize(error) : null);
    }
}
