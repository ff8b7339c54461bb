using System.Text.Json;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Workflows;

/// <summary>What an activity knows about the step it runs for: the instance, its input, earlier outputs and the attempt.</summary>
public sealed class WorkflowActivityContext
{
    private readonly WorkflowInstance _instance;

    public WorkflowActivityContext(WorkflowInstance instance, string stepName)
    {
        _instance = instance;
        StepName = stepName;
        Actor = instance.StartedBy.ToActor(instance.Id);
    }

    public string InstanceId => _instance.Id;

    public string WorkflowType => _instance.Type;

    public string StepName { get; }

    /// <summary>1 for the first run of the instance; a start after it finished begins the next execution under the same id.</summary>
    public int Execution => _instance.Execution;

    /// <summary>1 for the first try of this step; grows with each retry.</summary>
    public int Attempt => _instance.Attempt;

    public DateTimeOffset CreatedTime => _instance.CreatedTime;

    /// <summary>
    /// Stable across retries and re-deliveries of this step in this execution of the instance: use it to make the
    /// step's effect happen once (for example as the idempotency key of a ticket).
    /// </summary>
    public string IdempotencyKey => $"{_instance.Id}:{_instance.Execution}:{StepName}";

    /// <summary>The person who started the instance, acting with the instance id as correlation id.</summary>
    public Actor Actor { get; }

    public T GetInput<T>() =>
        (_instance.Input is { } input ? input.Deserialize<T>(JsonSerializerOptions.Web) : default)
        ?? throw new InvalidOperationException($"Workflow {InstanceId} has no input of type {typeof(T).Name}.");

    /// <summary>The output of an earlier step (an activity's result, or a wait step's event payload).</summary>
    public T? GetOutput<T>(string stepName) =>
        _instance.StepOutputs.TryGetValue(stepName, out var output) ? output.Deserialize<T>(JsonSerializerOptions.Web) : default;

    public bool HasOutput(string stepName) => _instance.StepOutputs.ContainsKey(stepName);
}
