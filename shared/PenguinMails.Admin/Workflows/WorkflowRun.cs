namespace PenguinMails.Admin.Workflows;

/// <summary>
/// One execution of a workflow as the run log records it: when it started and who started it, and, once it finished,
/// how (<see cref="WorkflowRuntimeStatus.Completed"/>, <see cref="WorkflowRuntimeStatus.Failed"/> or
/// <see cref="WorkflowRuntimeStatus.Terminated"/>), when, and the error of a failure. Start and finish are separate
/// records, so a start record has no outcome.
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
    public static WorkflowRun Started(WorkflowInstance instance) =>
        new(instance.Type, instance.Id, instance.Execution, instance.CreatedTime, instance.StartedBy.Id, instance.StartedBy.Email);

    public static WorkflowRun Finished(WorkflowInstance instance) => Started(instance) with
    {
        Outcome = instance.Status, FinishedAt = instance.LastUpdatedTime,
        Error = instance.Status == WorkflowRuntimeStatus.Failed ? instance.Error : null,
    };
}
