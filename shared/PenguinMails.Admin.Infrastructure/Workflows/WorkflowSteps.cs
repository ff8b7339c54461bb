using System.Text.Json;
using Microsoft.DurableTask;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// What an orchestrator uses to run its steps: activities by their core step type (so by name, never a string), and
/// waits for external events with an optional durable timeout. It keeps each step's output and publishes the current
/// step in the custom status after every change.
/// </summary>
public sealed class WorkflowSteps(TaskOrchestrationContext context, WorkflowEnvelope envelope, string type, TaskOptions retry)
{
    private static readonly JsonElement TimedOut = JsonSerializer.SerializeToElement(new { timedOut = true });
    private static readonly JsonElement NoPayload = JsonSerializer.SerializeToElement<object?>(null);
    private readonly Dictionary<string, JsonElement> _outputs = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonElement> Outputs => _outputs;

    /// <summary>The text shown as customStatus once the instance ends (set by a step that ends it early).</summary>
    public string? FinalStatus { get; private set; }

    public WorkflowEnvelope Envelope => envelope;

    /// <summary>Runs <typeparamref name="TStep"/>; false when it ended the instance early (<see cref="CompleteEarly"/>).</summary>
    public async Task<bool> RunAsync<TStep>() where TStep : class, IWorkflowActivity
    {
        var name = StepActivity<TStep>.Name;
        Publish(name, waiting: false);
        var result = await context.CallActivityAsync<StepResult>(name, Request(new Dictionary<string, JsonElement>(_outputs)), retry);
        _outputs[name] = result.Output ?? NoPayload;
        if (result.CompleteEarlyStatus is { } status)
        {
            FinalStatus = status;
            return false;
        }
        return true;
    }

    /// <summary>
    /// Runs <typeparamref name="TStep"/> once per item, all at once (a fan-out; the caller bounds how many), each run
    /// told its item, and returns their outputs in item order. The outputs are not kept: the caller combines them and
    /// keeps the result with <see cref="Record"/>.
    /// </summary>
    public async Task<IReadOnlyList<TOutput>> RunItemsAsync<TStep, TOutput>(IReadOnlyList<int> items) where TStep : class, IWorkflowActivity
    {
        var name = StepActivity<TStep>.Name;
        var outputs = new Dictionary<string, JsonElement>(_outputs);
        var runs = items.Select(item => context.CallActivityAsync<StepResult>(name, Request(outputs, item), retry));
        var results = await Task.WhenAll(runs);
        return results.Select(r => (r.Output ?? NoPayload).Deserialize<TOutput>(JsonSerializerOptions.Web)!).ToList();
    }

    /// <summary>Keeps <paramref name="output"/> as step <paramref name="step"/>'s output and shows the step as running, with <paramref name="detail"/>.</summary>
    public void Record(string step, object output, string? detail = null)
    {
        _outputs[step] = JsonSerializer.SerializeToElement(output, output.GetType(), JsonSerializerOptions.Web);
        Publish(step, waiting: false, detail: detail);
    }

    /// <summary>The text the instance's custom status shows once it completes (instead of "Completed").</summary>
    public void FinishWith(string status) => FinalStatus = status;

    /// <summary>Waits as step <paramref name="step"/> for <paramref name="eventName"/>; true when it came, false when <paramref name="timeout"/> ran out.</summary>
    public async Task<bool> WaitAsync(string step, string eventName, TimeSpan? timeout = null)
    {
        Publish(step, waiting: true, eventName);
        try
        {
            var payload = timeout is { } limit
                ? await context.WaitForExternalEvent<JsonElement?>(eventName, limit)
                : await context.WaitForExternalEvent<JsonElement?>(eventName);
            _outputs[step] = payload ?? NoPayload;
            return true;
        }
        catch (TaskCanceledException)
        {
            _outputs[step] = TimedOut;
            return false;
        }
    }

    /// <summary>The custom status the instance ends with: no current step, every output, and the final text.</summary>
    public void PublishFinished() => context.SetCustomStatus(new WorkflowProgress(null, false, _outputs, FinalStatus));

    private WorkflowStepRequest Request(IReadOnlyDictionary<string, JsonElement> outputs, int? item = null) =>
        new(context.InstanceId, type, envelope.Execution, envelope.StartedAt, envelope.StartedBy, envelope.Input, outputs, item);

    private void Publish(string step, bool waiting, string? eventName = null, string? detail = null) =>
        context.SetCustomStatus(new WorkflowProgress(step, waiting, _outputs, Event: eventName, Detail: detail));
}
