namespace PenguinMails.Admin.Workflows;

/// <summary>
/// The safety net: re-enqueues every instance whose work is overdue and whose lease (if any) has run out. A work
/// item lost to a crash, a poisoned message or a dead worker therefore only delays an instance, never loses it.
/// </summary>
public sealed class WorkflowSweeper(IWorkflowStore store, IWorkflowWorkQueue queue, WorkflowOptions options, TimeProvider time)
{
    /// <summary>Re-drives overdue instances and returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var redriven = 0;
        await foreach (var instance in store.ListDueAsync(now - options.SweepGrace, cancellationToken))
        {
            if (instance.IsLeased(now) || instance.DueAt is not { } due)
            {
                continue;
            }
            await queue.EnqueueAsync(new WorkflowWorkItem(instance.Id, instance.Sequence, due), TimeSpan.Zero, cancellationToken);
            redriven++;
        }
        return redriven;
    }
}
