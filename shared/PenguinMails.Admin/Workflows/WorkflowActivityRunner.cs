using System.Text.Json;
using PenguinMails.Admin.Common;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Runs one activity step: claims the instance with a lease (so a second worker backs off instead of repeating the
/// effect), runs the activity, then commits its output, a retry, or the failure.
/// </summary>
internal sealed class WorkflowActivityRunner(WorkflowEngine engine, IServiceProvider services, WorkflowOptions options, TimeProvider time)
{
    public const int MaxOutputChars = 16_000;

    public async Task<WorkflowWorkResult> RunAsync(Versioned<WorkflowInstance> read, WorkflowDefinition definition, ActivityStep step,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dueAt = read.Value.DueAt;
        var sequence = read.Value.Sequence;
        var claimed = await engine.CommitAsync(read, i => i.Sequence == sequence && !i.IsTerminal && !i.IsLeased(now), (i, _) => i with
        {
            Status = WorkflowRuntimeStatus.Running, LeaseOwner = engine.WorkerId, LeaseUntil = now + options.LeaseDuration, LastUpdatedTime = now,
        }, cancellationToken);
        if (claimed is null)
        {
            return new WorkflowWorkResult(WorkflowWorkOutcome.LostRace, step.Name);
        }

        var (output, endStatus, exception, error, retryable) = await InvokeAsync(claimed.Value, step, cancellationToken);
        var finished = time.GetUtcNow();
        bool Ours(WorkflowInstance i) => i.Sequence == sequence && i.LeaseOwner == engine.WorkerId && !i.IsTerminal;

        if (error is null)
        {
            var advanced = await engine.CommitAsync(claimed, Ours, (i, history) =>
            {
                history.Add(new WorkflowHistoryEvent(ActivityCompleted, step.Name, finished, "Completed", $"Attempt {i.Attempt}", dueAt, now));
                var withOutput = i with { StepOutputs = WorkflowTransitions.WithOutput(i.StepOutputs, step.Name, output) };
                var next = endStatus is null ? i.StepIndex + 1 : definition.Steps.Count;
                return WorkflowTransitions.Enter(withOutput, definition, next, finished, history, endStatus);
            }, cancellationToken);
            return await engine.AfterCommitAsync(advanced, WorkflowWorkOutcome.Advanced, step.Name, null, cancellationToken);
        }

        if (retryable && claimed.Value.Attempt < step.Retry.MaxAttempts)
        {
            var retried = await engine.CommitAsync(claimed, Ours, (i, history) =>
            {
                var next = i.Attempt + 1;
                var due = finished + step.Retry.DelayBefore(next);
                history.Add(new WorkflowHistoryEvent(ActivityFailed, step.Name, finished, "Retrying", error, dueAt, now));
                return i with
                {
                    Attempt = next, Sequence = i.Sequence + 1, DueAt = due, LeaseOwner = null, LeaseUntil = null, LastUpdatedTime = finished,
                    CustomStatus = $"{step.Name}: attempt {next} of {step.Retry.MaxAttempts} at {due:O} after: {error}",
                };
            }, cancellationToken);
            return await engine.AfterCommitAsync(retried, WorkflowWorkOutcome.Retrying, step.Name, exception, cancellationToken);
        }

        var failed = await engine.CommitAsync(claimed, Ours, (i, history) =>
        {
            history.Add(new WorkflowHistoryEvent(ActivityFailed, step.Name, finished, "Failed", error, dueAt, now));
            return WorkflowTransitions.Fail(i, step.Name, error, finished, history);
        }, cancellationToken);
        return await engine.AfterCommitAsync(failed, WorkflowWorkOutcome.Failed, step.Name, exception, cancellationToken);
    }

    private async Task<(JsonElement? Output, string? EndStatus, Exception? Exception, string? Error, bool Retryable)> InvokeAsync(
        WorkflowInstance instance, ActivityStep step, CancellationToken cancellationToken)
    {
        IWorkflowActivity activity;
        try
        {
            activity = services.GetService(step.ActivityType) as IWorkflowActivity
                ?? throw new InvalidOperationException($"Activity {step.ActivityType.Name} is not registered.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, null, e, $"Activity {step.ActivityType.Name} could not be created: {e.Message}", false); // a deployment problem, not transient
        }
        using var timeout = new CancellationTokenSource(options.ActivityTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await activity.RunAsync(new WorkflowActivityContext(instance, step.Name), linked.Token);
            var end = result as CompleteEarly;
            var value = end is null ? result : end.Output;
            var output = value is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(value, value.GetType(), JsonSerializerOptions.Web);
            return output?.GetRawText().Length > MaxOutputChars
                ? (null, null, null, $"The output of {step.Name} is larger than {MaxOutputChars} characters.", false)
                : (output, end?.CustomStatus, null, null, true);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return timeout.IsCancellationRequested
                ? (null, null, e, $"Timed out after {options.ActivityTimeout}.", true)
                : (null, null, e, Describe(e), IsRetryable(e));
        }
    }

    /// <summary>Bad input, a missing object, a forbidden or conflicting change will not get better by retrying.</summary>
    private static bool IsRetryable(Exception e) =>
        e is not AdminException admin || admin.Status >= 500 || admin.Status is 408 or 412 or 429;

    private static string Describe(Exception e)
    {
        var text = e is AdminException admin ? $"{admin.Code}: {admin.Message}" : $"{e.GetType().Name}: {e.Message}";
        return text.Length > 1000 ? text[..1000] : text;
    }
}
