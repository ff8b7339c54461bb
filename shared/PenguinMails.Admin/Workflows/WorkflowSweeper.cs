namespace PenguinMails.Admin.Workflows;

/// <summary>
/// The safety net: re-enqueues every instance whose work is overdue and whose lease (if any) has run out. A work
/// item lost to a crash, a poisoned message or a dead worker therefore only delays an instance, never loses it.
/// While the workers are behind (the next waiting item is itself overdue by more than the grace), overdue
/// instances are most likely still queued, so the sweep waits rather than flood the queue with duplicates.
/// </summary>
public sealed class WorkflowSweeper(IWorkflowStore store, IWorkflowWorkQueue queue, WorkflowOptions options, TimeProvider time)
{
    public async Task<WorkflowSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cutoff = now - options.SweepGrace;
        if (await queue.PeekNextDueAsync(cancellationToken) is { } next && next < cutoff)
        {
            return new WorkflowSweepResult(0, WorkersBehindBy: now - next);
        }
        var redriven = 0;
        await foreach (var instance in store.ListDueAsync(cutoff, cancellationToken))
        {
            if (instance.IsLeased(now) || instance.DueAt is not { } due)
            {
                continue;
            }
            await queue.EnqueueAsync(new WorkflowWorkItem(instance.Id, instance.Sequence, due), TimeSpan.Zero, cancellationToken);
            redriven++;
        }
        return new WorkflowSweepResult(redriven, null);
    }
}
