using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>
/// The timeline from the workflows feature's run log: per type, one range query over its start records and one over the
/// finish records of each outcome, so nothing scans instances or history.
/// </summary>
public sealed class RunLogWorkflowTimeline(WorkflowRegistry registry, IWorkflowRunLog runs) : IWorkflowRunTimeline
{
    public IReadOnlyCollection<string> Types => registry.Types;

    public async Task<IReadOnlyList<WorkflowRunEvent>> ListAsync(string? type, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        var types = type is null ? registry.Types.ToList() : [type];
        var lists = await Task.WhenAll(types.Select(t => ListTypeAsync(t, from, to, cancellationToken)));
        return lists.SelectMany(l => l).ToList();
    }

    private async Task<IEnumerable<WorkflowRunEvent>> ListTypeAsync(string type, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var started = await runs.ListStartedAsync(type, from, to, cancellationToken);
        var completed = await runs.ListFinishedAsync(type, WorkflowRuntimeStatus.Completed, from, cancellationToken);
        var failed = await runs.ListFinishedAsync(type, WorkflowRuntimeStatus.Failed, from, cancellationToken);
        return started.Select(r => new WorkflowRunEvent(type, WorkflowRunEventKind.Started, r.StartedAt))
            .Concat(Finished(completed, WorkflowRunEventKind.Completed))
            .Concat(Finished(failed, WorkflowRunEventKind.Failed));

        IEnumerable<WorkflowRunEvent> Finished(IEnumerable<WorkflowRun> finished, WorkflowRunEventKind kind) =>
            finished.Where(r => r.FinishedAt is { } at && at < to).Select(r => new WorkflowRunEvent(type, kind, r.FinishedAt!.Value));
    }
}
