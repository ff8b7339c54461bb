using System.Text.Json;

namespace PenguinMails.Admin.Workflows;

/// <summary>What the orchestration hands an activity: the instance, its starter and input, and the outputs so far.</summary>
public sealed record WorkflowStepRequest(
    string InstanceId,
    string Type,
    int Execution,
    DateTimeOffset CreatedTime,
    WorkflowStarter StartedBy,
    JsonElement? Input,
    IReadOnlyDictionary<string, JsonElement> Outputs);
