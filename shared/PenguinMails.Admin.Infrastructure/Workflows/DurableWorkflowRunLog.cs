using DurableTask.AzureStorage.Tracking;
using DurableTask.Core;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// Executions by type and time from the task hub's instance table: starts by a created-time range query, finishes
/// by a runtime-status query (finished instances are purged after the data-retention period, which bounds it).
/// DTFx's instance query has no filter on the orchestration name, so the type is filtered here.
/// </summary>
public sealed class DurableWorkflowRunLog(DurableTaskHub hub) : IWorkflowRunLog
{
    /// <summary>
    /// The engine stamps created times by the machine clock, the app by its <see cref="TimeProvider"/> (a fake one
    /// in tests): the created-time range is widened by this much, then the app's start time decides.
    /// </summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromDays(2);

    public async Task<IReadOnlyList<WorkflowRun>> ListStartedAsync(string type, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        var condition = new OrchestrationInstanceStatusQueryCondition
        {
            CreatedTimeFrom = (from - ClockSlack).UtcDateTime,
            CreatedTimeTo = (to + ClockSlack).UtcDateTime,
            FetchInput = true,
        };
        var runs = await QueryAsync(type, condition, cancellationToken);
        return runs.Where(r => r.StartedAt >= from && r.StartedAt < to).OrderBy(r => r.StartedAt).ToList();
    }

    public async Task<IReadOnlyList<WorkflowRun>> ListFinishedAsync(string type, WorkflowRuntimeStatus outcome, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        var runs = await FinishedAsync(type, outcome, cancellationToken);
        return runs.Where(r => r.FinishedAt >= since).ToList();
    }

    public async Task<WorkflowRun?> LastFinishedAsync(string type, WorkflowRuntimeStatus outcome, CancellationToken cancellationToken = default) =>
        (await FinishedAsync(type, outcome, cancellationToken)).FirstOrDefault();

    private async Task<List<WorkflowRun>> FinishedAsync(string type, WorkflowRuntimeStatus outcome, CancellationToken cancellationToken)
    {
        var condition = new OrchestrationInstanceStatusQueryCondition { RuntimeStatus = WorkflowStateMapper.ToEngine(outcome), FetchInput = true };
        var runs = await QueryAsync(type, condition, cancellationToken);
        return runs.Where(r => r.Outcome == outcome).OrderByDescending(r => r.FinishedAt).ToList();
    }

    private async Task<List<WorkflowRun>> QueryAsync(string type, OrchestrationInstanceStatusQueryCondition condition, CancellationToken cancellationToken)
    {
        await hub.EnsureCreatedAsync();
        var runs = new List<WorkflowRun>();
        string? token = null;
        do
        {
            var page = await hub.Service.GetOrchestrationStateAsync(condition, 500, token, cancellationToken);
            runs.AddRange(page.OrchestrationState.Where(s => s.Name == type).Select(s => WorkflowRun.Of(WorkflowStateMapper.ToInstance(s))));
            token = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (token is not null);
        return runs;
    }
}
