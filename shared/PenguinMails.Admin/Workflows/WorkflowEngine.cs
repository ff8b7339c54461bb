using PenguinMails.Admin.Common;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Processes work items: loads the instance, checks the item is current and due, runs the step and commits the
/// next state under the instance's ETag, then enqueues the next item. Any crash leaves the instance overdue, and
/// the <see cref="WorkflowSweeper"/> re-drives it. A finished instance stays due until its failure is reported and its
/// run recorded in the <see cref="IWorkflowRunLog"/>, so a crash cannot lose either. Create one per invocation:
/// activities resolve from its services.
/// </summary>
public sealed class WorkflowEngine(
    IWorkflowStore store,
    IWorkflowWorkQueue queue,
    WorkflowRegistry registry,
    WorkflowFailureReporter failures,
    IWorkflowRunLog runs,
    IServiceProvider services,
    WorkflowOptions options,
    TimeProvider time)
{
    /// <summary>Names this worker in leases, so a commit can tell whether its lease still holds.</summary>
    public string WorkerId { get; } = "worker-" + Guid.NewGuid().ToString("N")[..12];

    public async Task<WorkflowWorkResult> ProcessAsync(WorkflowWorkItem item, CancellationToken cancellationToken = default)
    {
        var read = await store.GetAsync(item.InstanceId, cancellationToken);
        if (read is null)
        {
            return new WorkflowWorkResult(WorkflowWorkOutcome.Missing);
        }
        var instance = read.Value;
        var now = time.GetUtcNow();
        if (instance.Sequence != item.Sequence || instance.DueAt is null)
        {
            return new WorkflowWorkResult(WorkflowWorkOutcome.Stale);
        }
        if (instance.IsTerminal)
        {
            await FinishAsync(read, cancellationToken); // a finish a crash left unrecorded
            return new WorkflowWorkResult(WorkflowWorkOutcome.FinishRecorded);
        }
        if (instance.IsLeased(now))
        {
            return new WorkflowWorkResult(WorkflowWorkOutcome.Busy);
        }
        if (instance.DueAt > now)
        {
            if (item.NotBefore >= instance.DueAt)
            {
                await ScheduleAsync(instance, cancellationToken); // a chained timer: the queue could not hold it that long
            }
            return new WorkflowWorkResult(WorkflowWorkOutcome.NotDue);
        }
        var definition = registry.Find(instance.Type);
        if (definition is null || instance.StepIndex >= definition.Steps.Count)
        {
            return await FailAsync(read, instance.Type, $"Workflow type '{instance.Type}' is not registered in this app.", now, cancellationToken);
        }
        return definition.Steps[instance.StepIndex] switch
        {
            ActivityStep activity => await new WorkflowActivityRunner(this, services, options, time).RunAsync(read, definition, activity, now, cancellationToken),
            TimerStep timer => await FireTimerAsync(read, definition, timer, now, cancellationToken),
            WaitForEventStep wait => await new WorkflowWaitHandler(this).ContinueAsync(read, definition, wait, now, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown step kind {definition.Steps[instance.StepIndex].GetType().Name}."),
        };
    }

    /// <summary>
    /// Applies <paramref name="transition"/> and writes it under the ETag. When another writer got there first, re-reads
    /// and tries again only while <paramref name="stillOurs"/> holds (an event raised meanwhile is fine; a takeover is not).
    /// </summary>
    internal async Task<Versioned<WorkflowInstance>?> CommitAsync(Versioned<WorkflowInstance> read, Func<WorkflowInstance, bool> stillOurs,
        Func<WorkflowInstance, List<WorkflowHistoryEvent>, WorkflowInstance> transition, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var history = new List<WorkflowHistoryEvent>();
            var next = transition(read.Value, history);
            next = next with { HistoryCount = read.Value.HistoryCount + history.Count };
            if (await store.TryReplaceAsync(next, read.ETag, history, cancellationToken) is { } etag)
            {
                return new Versioned<WorkflowInstance>(next, etag);
            }
            var fresh = await store.GetAsync(read.Value.Id, cancellationToken);
            if (fresh is null || !stillOurs(fresh.Value))
            {
                return null;
            }
            read = fresh;
        }
        return null;
    }

    /// <summary>After a commit: enqueue the next work item, or report a failure.</summary>
    internal async Task<WorkflowWorkResult> AfterCommitAsync(Versioned<WorkflowInstance>? committed, WorkflowWorkOutcome outcome, string step,
        Exception? exception, CancellationToken cancellationToken)
    {
        if (committed is null)
        {
            return new WorkflowWorkResult(WorkflowWorkOutcome.LostRace, step, exception);
        }
        if (committed.Value.IsTerminal)
        {
            await FinishAsync(committed, cancellationToken);
            var finished = committed.Value.Status == WorkflowRuntimeStatus.Failed ? WorkflowWorkOutcome.Failed : outcome;
            return new WorkflowWorkResult(finished, step, exception);
        }
        await ScheduleAsync(committed.Value, cancellationToken);
        return new WorkflowWorkResult(outcome, step, exception);
    }

    internal Task ScheduleAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        WorkflowSchedule.EnqueueAsync(queue, options, time, instance, cancellationToken);

    internal async Task<WorkflowWorkResult> FailAsync(Versioned<WorkflowInstance> read, string step, string error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var sequence = read.Value.Sequence;
        var committed = await CommitAsync(read, i => i.Sequence == sequence && !i.IsTerminal,
            (i, history) => WorkflowTransitions.Fail(i, step, error, now, history), cancellationToken);
        return await AfterCommitAsync(committed, WorkflowWorkOutcome.Failed, step, null, cancellationToken);
    }

    private async Task<WorkflowWorkResult> FireTimerAsync(Versioned<WorkflowInstance> read, WorkflowDefinition definition, TimerStep timer,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sequence = read.Value.Sequence;
        var committed = await CommitAsync(read, i => i.Sequence == sequence && !i.IsTerminal && !i.IsLeased(now), (i, history) =>
        {
            history.Add(new WorkflowHistoryEvent(TimerFired, timer.Name, now, "Completed", null, i.DueAt, now));
            return WorkflowTransitions.Enter(i, definition, i.StepIndex + 1, now, history);
        }, cancellationToken);
        return await AfterCommitAsync(committed, WorkflowWorkOutcome.Advanced, timer.Name, null, cancellationToken);
    }

    /// <summary>Reports a failure (audit and alert), records the run, then clears the due time that kept both retried.</summary>
    private async Task FinishAsync(Versioned<WorkflowInstance> finished, CancellationToken cancellationToken)
    {
        if (finished.Value.Status == WorkflowRuntimeStatus.Failed)
        {
            await failures.ReportAsync(finished.Value, cancellationToken);
        }
        await runs.RecordFinishAsync(finished.Value, cancellationToken);
        var (sequence, status) = (finished.Value.Sequence, finished.Value.Status);
        await CommitAsync(finished, i => i.Sequence == sequence && i.Status == status, (i, _) => i with { DueAt = null }, cancellationToken);
    }
}
