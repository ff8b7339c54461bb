using System.Text.Json;
using Microsoft.DurableTask;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The base of every orchestrator: a <see cref="TaskOrchestrator{TInput,TOutput}"/> (so it would run under Durable
/// Functions unchanged) whose output is the steps' outputs. A step that gives up is reported once
/// (<see cref="ReportWorkflowFailure"/>: audit event and alert) before the instance fails with its error.
/// Orchestrator code must be deterministic: it only calls steps, waits and timers, and reads nothing else.
/// </summary>
public abstract class WorkflowOrchestrator(DurableWorkflowOptions options) : TaskOrchestrator<WorkflowEnvelope, Dictionary<string, JsonElement>>
{
    /// <summary>The workflow type, as registered with <c>AddOrchestrator</c>.</summary>
    protected abstract string Type { get; }

    public sealed override async Task<Dictionary<string, JsonElement>> RunAsync(TaskOrchestrationContext context, WorkflowEnvelope input)
    {
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(options.MaxAttempts, options.FirstRetryInterval, 2, options.MaxRetryInterval)
        {
            HandleFailure = failure => failure.ErrorType != typeof(WorkflowStepRejectedException).FullName,
        });
        var steps = new WorkflowSteps(context, input, Type, retry);
        try
        {
            await RunStepsAsync(steps);
        }
        catch (TaskFailedException e)
        {
            var error = e.FailureDetails.ErrorMessage;
            await context.CallActivityAsync<bool>(nameof(ReportWorkflowFailure),
                new WorkflowFailure(context.InstanceId, Type, input.Execution, error, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
                TaskOptions.FromRetryPolicy(new RetryPolicy(10, options.FirstRetryInterval, 2, options.MaxRetryInterval)));
            // The instance fails with the step's own error, not the engine's wrapper around it.
            throw new WorkflowFailedException(error, e);
        }
        steps.PublishFinished();
        return new Dictionary<string, JsonElement>(steps.Outputs);
    }

    /// <summary>The definition's steps, in order; return early to complete.</summary>
    protected abstract Task RunStepsAsync(WorkflowSteps steps);
}
