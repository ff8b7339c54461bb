using System.Text.Json;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// The durable state of one workflow instance. <see cref="StepIndex"/> is the step to run next, due at
/// <see cref="DueAt"/> (null: nothing to do until an event arrives or never). <see cref="Sequence"/> grows with every
/// scheduling change, so a stale or duplicate work item is recognised. <see cref="LeaseOwner"/> and
/// <see cref="LeaseUntil"/> mark the one worker running an activity; an expired lease means that worker died.
/// </summary>
public sealed record WorkflowInstance(
    string Id,
    string Type,
    WorkflowRuntimeStatus Status,
    JsonElement? Input,
    JsonElement? Output,
    string? CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    WorkflowStarter StartedBy,
    int Execution,
    int StepIndex,
    int Attempt,
    long Sequence,
    DateTimeOffset? DueAt,
    DateTimeOffset? TimeoutAt,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    IReadOnlyDictionary<string, JsonElement> StepOutputs,
    IReadOnlyList<RaisedEvent> PendingEvents,
    string? Error,
    int HistoryCount)
{
    public bool IsTerminal => Status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    public bool IsLeased(DateTimeOffset now) => LeaseOwner is not null && LeaseUntil > now;
}
