namespace PenguinMails.Admin.Workflows;

/// <summary>
/// One execution of a workflow: when it started and who started it, and, once it finished, how
/// (<see cref="WorkflowRuntimeStatus.Completed"/>, <see cref="WorkflowRuntimeStatus.Failed"/> or
/// <see cref="WorkflowRuntimeStatus.Terminated"/>), when, and the error of a failure.
/// </summary>
public sealed record WorkflowRun(
    string Type,
    string InstanceId,
    int Execution,
    DateTimeOffset StartedAt,
    string StartedById,
    string StartedByEmail,
    WorkflowRuntimeStatus? Outcome = null,
    DateTimeOffset? FinishedAt = null,
    string? Error = null)
{
    public static WorkflowRun Of(WorkflowInstance instance) =>
        new(instance.Type, instance.Id, instance.Execution, instance.CreatedTime, instance.StartedBy?.Id ?? "", instance.StartedBy?.Email ?? "",
            instance.IsTerminal ? instance.Status : null, instance.IsTerminal ? instance.LastUpdatedTime : null,
            instance.Status == WorkflowRuntimeStatus.Failed ? instance.Error : null);
}
