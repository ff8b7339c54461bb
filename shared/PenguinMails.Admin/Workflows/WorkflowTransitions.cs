using System.Text.Json;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Admin.Workflows;

/// <summary>Pure state changes of an instance: entering a step, completing, failing. The engine and the client share them.</summary>
internal static class WorkflowTransitions
{
    public static WorkflowInstance Start(WorkflowInstance fresh, WorkflowDefinition definition, DateTimeOffset now, List<WorkflowHistoryEvent> history)
    {
        history.Add(new WorkflowHistoryEvent(ExecutionStarted, definition.Type, now, "Pending", $"Execution {fresh.Execution}"));
        return Enter(fresh, definition, 0, now, history);
    }

    /// <summary>
    /// Moves to step <paramref name="index"/>, or completes the instance after the last step (showing
    /// <paramref name="completedStatus"/> when an activity ended it early).
    /// </summary>
    public static WorkflowInstance Enter(WorkflowInstance instance, WorkflowDefinition definition, int index, DateTimeOffset now,
        List<WorkflowHistoryEvent> history, string? completedStatus = null)
    {
        var scheduled = instance with
        {
            StepIndex = index, Attempt = 1, Sequence = instance.Sequence + 1, LeaseOwner = null, LeaseUntil = null, TimeoutAt = null,
            LastUpdatedTime = now,
        };
        if (index >= definition.Steps.Count)
        {
            history.Add(new WorkflowHistoryEvent(ExecutionCompleted, definition.Type, now, "Completed", completedStatus));
            // Due until the engine has recorded the run, so a crash right after this commit cannot lose it.
            return scheduled with
            {
                Status = WorkflowRuntimeStatus.Completed, DueAt = now, CustomStatus = completedStatus ?? "Completed",
                Output = JsonSerializer.SerializeToElement(instance.StepOutputs, JsonSerializerOptions.Web),
            };
        }
        var step = definition.Steps[index];
        var position = $"{step.Name} (step {index + 1} of {definition.Steps.Count})";
        var running = instance.Status == WorkflowRuntimeStatus.Pending ? WorkflowRuntimeStatus.Pending : WorkflowRuntimeStatus.Running;
        return step switch
        {
            TimerStep timer => scheduled with { Status = running, DueAt = now + timer.Delay, CustomStatus = $"{position}: timer until {now + timer.Delay:O}" },
            WaitForEventStep wait => EnterWait(scheduled, wait, now, position),
            _ => scheduled with { Status = running, DueAt = now, CustomStatus = position },
        };
    }

    public static WorkflowInstance Fail(WorkflowInstance instance, string stepName, string error, DateTimeOffset now, List<WorkflowHistoryEvent> history)
    {
        history.Add(new WorkflowHistoryEvent(ExecutionFailed, stepName, now, "Failed", error));
        // DueAt stays set until the failure has been audited and alerted, so a crash cannot swallow the report.
        return instance with
        {
            Status = WorkflowRuntimeStatus.Failed, Error = error, DueAt = now, TimeoutAt = null, Sequence = instance.Sequence + 1,
            LeaseOwner = null, LeaseUntil = null, LastUpdatedTime = now, CustomStatus = $"Failed at {stepName}: {error}",
        };
    }

    public static IReadOnlyDictionary<string, JsonElement> WithOutput(IReadOnlyDictionary<string, JsonElement> outputs, string step, JsonElement? output)
    {
        var copy = new Dictionary<string, JsonElement>(outputs, StringComparer.Ordinal);
        if (output is { } value)
        {
            copy[step] = value;
        }
        return copy;
    }

    private static WorkflowInstance EnterWait(WorkflowInstance instance, WaitForEventStep wait, DateTimeOffset now, string position)
    {
        var timeoutAt = wait.Timeout is { } timeout ? now + timeout : (DateTimeOffset?)null;
        var eventWaiting = instance.PendingEvents.Any(e => e.Name == wait.EventName);
        var until = timeoutAt is { } t ? $" until {t:O}" : "";
        return instance with
        {
            Status = WorkflowRuntimeStatus.Waiting, TimeoutAt = timeoutAt, DueAt = eventWaiting ? now : timeoutAt,
            CustomStatus = $"{position}: waiting for '{wait.EventName}'{until}",
        };
    }
}
