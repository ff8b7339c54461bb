using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Workflows;

/// <summary>Every minute: re-drives workflow instances whose next step is overdue (a lost message, a crashed worker).</summary>
public sealed class SweepWorkflowsFunction(WorkflowSweeper sweeper) : ITriggeredFunction
{
    public const string Name = "SweepWorkflows";
    public const string Schedule = "0 * * * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await sweeper.SweepAsync(cancellationToken);
        invocation.Logs.Add(result.WorkersBehindBy is { } behind
            ? $"Workers are {behind.TotalSeconds:F0} s behind; overdue instances are still queued, so none were re-driven."
            : $"Re-drove {result.Redriven} overdue workflow instances.");
    }
}
