namespace PenguinMails.Admin.Workflows;

/// <summary>The queue of work items. Delivery is at least once; a delay hides the item until then.</summary>
public interface IWorkflowWorkQueue
{
    /// <summary>
    /// Enqueues <paramref name="item"/>, invisible for <paramref name="delay"/>. A queue may cap the delay
    /// (Azure Storage: 7 days); the engine then chains: an early item is enqueued again for the rest.
    /// </summary>
    Task EnqueueAsync(WorkflowWorkItem item, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>When the next item ready for a worker was due (null: none is waiting); tells how far behind the workers are.</summary>
    Task<DateTimeOffset?> PeekNextDueAsync(CancellationToken cancellationToken = default);
}
