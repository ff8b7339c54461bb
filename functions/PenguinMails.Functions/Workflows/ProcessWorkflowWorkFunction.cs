using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Workflows;

/// <summary>
/// The workflow worker: one work item from <c>workflow-work</c> per call. Engine errors (storage down) throw, so the
/// message is retried; a failed activity attempt does not throw, the engine has already scheduled its retry.
/// </summary>
public sealed partial class ProcessWorkflowWorkFunction(WorkflowEngine engine, ILogger<ProcessWorkflowWorkFunction> logger) : ITriggeredFunction
{
    public const string Name = "ProcessWorkflowWork";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var item = StorageWorkflowWorkQueue.Parse(invocation.Payload);
        var result = await engine.ProcessAsync(item, cancellationToken);
        if (result.ActivityException is { } exception)
        {
            LogAttemptFailed(exception, item.InstanceId, result.Step, result.Outcome);
        }
        if (result.Outcome == WorkflowWorkOutcome.Failed)
        {
            LogWorkflowFailed(item.InstanceId, result.Step);
        }
        invocation.Logs.Add($"Workflow {item.InstanceId} #{item.Sequence}: {result.Outcome} {result.Step}".TrimEnd());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow {InstanceId} step {Step} attempt failed ({Outcome})")]
    private partial void LogAttemptFailed(Exception exception, string instanceId, string? step, WorkflowWorkOutcome outcome);

    /// <summary>An error log as well as the alert: Application Insights alert rules pick it up.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow {InstanceId} failed at {Step}; the failure is audited and alerted")]
    private partial void LogWorkflowFailed(string instanceId, string? step);
}
