using System.Text.Json;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// One workflow instance as the engine reports it. <see cref="Execution"/> counts the runs under this id (a start
/// after it finished begins the next). <see cref="CurrentStep"/> is the step running or awaited (null once finished),
/// and <see cref="StepOutputs"/> holds what this execution's steps returned so far (a wait step's event payload too).
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
    WorkflowStarter? StartedBy,
    int Execution,
    string? CurrentStep,
    IReadOnlyDictionary<string, JsonElement> StepOutputs,
    string? Error)
{
    public bool IsTerminal => Status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;
}
