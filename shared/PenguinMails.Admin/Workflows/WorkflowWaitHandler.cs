using System.Text.Json;
using PenguinMails.Admin.Common;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Admin.Workflows;

/// <summary>A wait step that is due: consume its event if one was raised, otherwise apply the timeout.</summary>
internal sealed class WorkflowWaitHandler(WorkflowEngine engine)
{
    private static readonly JsonElement TimedOut = JsonSerializer.SerializeToElement(new { timedOut = true });

    public async Task<WorkflowWorkResult> ContinueAsync(Versioned<WorkflowInstance> read, WorkflowDefinition definition, WaitForEventStep wait,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sequence = read.Value.Sequence;
        var committed = await engine.CommitAsync(read, i => i.Sequence == sequence && !i.IsTerminal,
            (i, history) => Next(i, definition, wait, now, history), cancellationToken);
        if (committed is not null && committed.Value.Sequence == sequence)
        {
            return new WorkflowWorkResult(WorkflowWorkOutcome.NotDue, wait.Name); // woken without its event: sleeps until the timeout
        }
        return await engine.AfterCommitAsync(committed, WorkflowWorkOutcome.Advanced, wait.Name, null, cancellationToken);
    }

    private static WorkflowInstance Next(WorkflowInstance i, WorkflowDefinition definition, WaitForEventStep wait, DateTimeOffset now,
        List<WorkflowHistoryEvent> history)
    {
        var index = IndexOf(i.PendingEvents, wait.EventName);
        if (index >= 0)
        {
            var received = i.PendingEvents[index];
            history.Add(new WorkflowHistoryEvent(EventReceived, wait.Name, now, "Completed", $"'{wait.EventName}' raised at {received.RaisedAt:O}",
                i.DueAt, now));
            var rest = i.PendingEvents.Where((_, n) => n != index).ToList();
            var outputs = WorkflowTransitions.WithOutput(i.StepOutputs, wait.Name, received.Payload ?? JsonSerializer.SerializeToElement<object?>(null));
            var target = wait.ContinueAtOnEvent is { } onEvent ? definition.IndexOf(onEvent) : i.StepIndex + 1;
            return WorkflowTransitions.Enter(i with { PendingEvents = rest, StepOutputs = outputs }, definition, target, now, history);
        }
        if (i.TimeoutAt is { } deadline && deadline <= now)
        {
            var fail = wait.OnTimeout == WaitTimeoutAction.Fail;
            history.Add(new WorkflowHistoryEvent(EventTimedOut, wait.Name, now, fail ? "Failed" : "TimedOut",
                $"No '{wait.EventName}' by {deadline:O}", deadline, now));
            if (fail)
            {
                return WorkflowTransitions.Fail(i, wait.Name, $"No '{wait.EventName}' event arrived within {wait.Timeout}.", now, history);
            }
            var target = wait.ContinueAtOnTimeout is { } onTimeout ? definition.IndexOf(onTimeout) : i.StepIndex + 1;
            return WorkflowTransitions.Enter(i with { StepOutputs = WorkflowTransitions.WithOutput(i.StepOutputs, wait.Name, TimedOut) },
                definition, target, now, history);
        }
        return i with { DueAt = i.TimeoutAt };
    }

    private static int IndexOf(IReadOnlyList<RaisedEvent> events, string name)
    {
        for (var n = 0; n < events.Count; n++)
        {
            if (events[n].Name == name)
            {
                return n;
            }
        }
        return -1;
    }
}
