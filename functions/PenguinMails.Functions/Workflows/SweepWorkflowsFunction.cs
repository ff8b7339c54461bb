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
        var redriven = await sweeper.SweepAsync(cancellationToken);
        invocation.Logs.Add($"Re-drove {redriven} overdue workflow instances.");
    }
}
