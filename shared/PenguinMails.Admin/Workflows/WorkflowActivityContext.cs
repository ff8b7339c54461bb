using System.Text.Json;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Workflows;

/// <summary>What an activity knows about the step it runs for: the instance, its input and earlier outputs.</summary>
public sealed class WorkflowActivityContext(WorkflowStepRequest request, string stepName)
{
    public string InstanceId => request.InstanceId;

    public string WorkflowType => request.Type;

    public string StepName { get; } = stepName;

    /// <summary>1 for the first run of the instance; a start after it finished begins the next execution under the same id.</summary>
    public int Execution => request.Execution;

    public DateTimeOffset CreatedTime => request.CreatedTime;

    /// <summary>
    /// Stable across retries and re-deliveries of this step in this execution of the instance: use it to make the
    /// step's effect happen once (for example as the idempotency key of a ticket).
    /// </summary>
    public string IdempotencyKey => request.Item is { } item
        ? $"{request.InstanceId}:{request.Execution}:{StepName}:{item}"
        : $"{request.InstanceId}:{request.Execution}:{StepName}";

    /// <summary>The item this run is for, when the step runs once per item (see <c>WorkflowSteps.RunItemsAsync</c>); else null.</summary>
    public int? Item => request.Item;

    /// <summary>The person who started the instance, acting with the instance id as correlation id.</summary>
    public Actor Actor { get; } = request.StartedBy.ToActor(request.InstanceId);

    public T GetInput<T>() =>
        (request.Input is { } input ? input.Deserialize<T>(JsonSerializerOptions.Web) : default)
        ?? throw new InvalidOperationException($"Workflow {InstanceId} has no input of type {typeof(T).Name}.");

    /// <summary>The output of an earlier step (an activity's result, or a wait step's event payload).</summary>
    public T? GetOutput<T>(string stepName) =>
        request.Outputs.TryGetValue(stepName, out var output) ? output.Deserialize<T>(JsonSerializerOptions.Web) : default;

    public bool HasOutput(string stepName) => request.Outputs.ContainsKey(stepName);
}
