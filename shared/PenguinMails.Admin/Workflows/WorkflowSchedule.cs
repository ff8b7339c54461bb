namespace PenguinMails.Admin.Workflows;

/// <summary>Enqueues the work item for an instance's next due time, hidden until then (capped: longer timers chain).</summary>
internal static class WorkflowSchedule
{
    public static Task EnqueueAsync(IWorkflowWorkQueue queue, WorkflowOptions options, TimeProvider time, WorkflowInstance instance,
        CancellationToken cancellationToken)
    {
        if (instance.DueAt is not { } due || instance.IsTerminal)
        {
            return Task.CompletedTask;
        }
        var delay = due - time.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxQueueDelay ? options.MaxQueueDelay : delay;
        return queue.EnqueueAsync(new WorkflowWorkItem(instance.Id, instance.Sequence, due), delay, cancellationToken);
    }
}
