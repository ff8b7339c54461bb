using System.Text.Json;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// What the orchestration hands an activity: the instance, its starter and input, the outputs so far, and for a step
/// that runs once per item (a batch of a bulk operation) the item's index.
/// </summary>
public sealed record WorkflowStepRequest(
    string InstanceId,
    string Type,
    int Execution,
    DateTimeOffset CreatedTime,
    WorkflowStarter StartedBy,
    JsonElement? Input,
    IReadOnlyDictionary<string, JsonElement> Outputs,
    int? Item = null);
