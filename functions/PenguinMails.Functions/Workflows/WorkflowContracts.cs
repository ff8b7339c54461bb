using System.Text.Json;
using System.Text.Json.Serialization;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Workflows;

/// <summary>
/// An instance in Durable Functions' vocabulary. <c>history</c> is returned by GET /workflows/{id} and is null in
/// lists (it is read per instance). <c>error</c> says why a Failed instance failed. runtimeStatus keeps Durable
/// Functions' spelling (Pending, Running, ...), unlike the API's other enums. <c>steps</c> are the definition's steps in
/// order, <c>currentStep</c> the one running or awaited (null once finished) and <c>completedSteps</c> those this execution
/// has finished (a wait once its event came or it timed out), in definition order, so a client needs no copy of them.
/// <c>progress</c> is what the current step has done so far when it runs in parts (a bulk run's users), else null.
/// </summary>
public sealed record WorkflowResponse(
    string Id,
    string Type,
    [property: JsonConverter(typeof(JsonStringEnumConverter<WorkflowRuntimeStatus>))] WorkflowRuntimeStatus RuntimeStatus,
    JsonElement? Input,
    JsonElement? Output,
    string? CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    string? Error,
    IReadOnlyList<string> Steps,
    string? CurrentStep,
    IReadOnlyList<string> CompletedSteps,
    IReadOnlyList<WorkflowHistoryEventResponse>? History,
    JsonElement? Progress = null)
{
    public static WorkflowResponse From(WorkflowInstance i, WorkflowRegistry registry, IReadOnlyList<WorkflowHistoryEvent>? history = null)
    {
        var steps = registry.Find(i.Type)?.Steps ?? [];
        // A step that runs in parts (a bulk run's batches) keeps its counts so far as its output while it runs: that is
        // its progress, and it is not completed yet.
        var progress = i.CurrentStep is { } current && i.StepOutputs.TryGetValue(current, out var partial) ? partial : (JsonElement?)null;
        return new(i.Id, i.Type, i.Status, i.Input, i.Output, i.CustomStatus, i.CreatedTime, i.LastUpdatedTime, i.Error,
            steps, i.CurrentStep, steps.Where(s => i.StepOutputs.ContainsKey(s) && s != i.CurrentStep).ToList(),
            history?.Select(WorkflowHistoryEventResponse.From).ToList(), progress);
    }
}

public sealed record WorkflowHistoryEventResponse(string EventType, string? Name, DateTimeOffset Timestamp, string? Status, string? Detail,
    DateTimeOffset? DueTime, DateTimeOffset? StartedTime)
{
    public static WorkflowHistoryEventResponse From(WorkflowHistoryEvent e) =>
        new(e.EventType, e.Name, e.Timestamp, e.Status, e.Detail, e.DueTime, e.StartedTime);
}

/// <summary>The body of every 202 that starts a workflow.</summary>
public sealed record WorkflowAcceptedResponse(string WorkflowId, string StatusUrl);

public sealed record TerminateWorkflowRequest(string? Reason = null);
