using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>
/// Fault injection around the real work queue, for one instance: crash once instead of enqueueing (the step is
/// committed, its follow-up message never sent), or send every message twice.
/// </summary>
public sealed class FaultyWorkQueue(IWorkflowWorkQueue inner, string instanceId, bool crashOnce = false, bool duplicate = false) : IWorkflowWorkQueue
{
    private int _crashes = crashOnce ? 1 : 0;

    public async Task EnqueueAsync(WorkflowWorkItem item, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        if (item.InstanceId == instanceId && Interlocked.Exchange(ref _crashes, 0) == 1)
        {
            throw new SimulatedCrash("after the commit, before the next enqueue");
        }
        await inner.EnqueueAsync(item, delay, cancellationToken);
        if (duplicate && item.InstanceId == instanceId)
        {
            await inner.EnqueueAsync(item, delay, cancellationToken);
        }
    }

    public Task<DateTimeOffset?> PeekNextDueAsync(CancellationToken cancellationToken = default) => inner.PeekNextDueAsync(cancellationToken);
}
