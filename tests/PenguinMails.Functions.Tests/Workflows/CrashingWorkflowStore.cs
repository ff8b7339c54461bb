using PenguinMails.Admin.Common;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Where a <see cref="CrashingWorkflowStore"/> kills the worker.</summary>
public enum CrashPoint
{
    /// <summary>Right after the worker claimed the instance, before the activity ran.</summary>
    BeforeActivity,

    /// <summary>After the activity's effect, instead of committing the step.</summary>
    BeforeCommit,
}

/// <summary>
/// Fault injection around the real table store: for one instance it "crashes" the worker once at a
/// <see cref="CrashPoint"/>. Every read and write still goes to Azurite.
/// </summary>
public sealed class CrashingWorkflowStore(IWorkflowStore inner, string instanceId, CrashPoint point) : IWorkflowStore
{
    private int _remaining = 1;

    public async Task<string?> TryReplaceAsync(WorkflowInstance instance, string etag, IReadOnlyList<WorkflowHistoryEvent> history,
        CancellationToken cancellationToken = default)
    {
        if (instance.Id == instanceId && point == CrashPoint.BeforeCommit
            && history.Any(h => h.EventType == WorkflowHistoryEventTypes.ActivityCompleted) && Interlocked.Exchange(ref _remaining, 0) == 1)
        {
            throw new SimulatedCrash("after the activity, before the commit");
        }
        var written = await inner.TryReplaceAsync(instance, etag, history, cancellationToken);
        if (written is not null && instance.Id == instanceId && point == CrashPoint.BeforeActivity && history.Count == 0
            && instance.LeaseOwner is not null && Interlocked.Exchange(ref _remaining, 0) == 1)
        {
            throw new SimulatedCrash("after the claim, before the activity");
        }
        return written;
    }

    public Task<Versioned<WorkflowInstance>?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<string?> TryCreateAsync(WorkflowInstance instance, IReadOnlyList<WorkflowHistoryEvent> history, CancellationToken cancellationToken = default) =>
        inner.TryCreateAsync(instance, history, cancellationToken);

    public Task<IReadOnlyList<WorkflowHistoryEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(id, cancellationToken);

    public Task<Page<WorkflowInstance>> ListAsync(WorkflowFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.ListAsync(filter, page, cancellationToken);

    public IAsyncEnumerable<WorkflowInstance> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) =>
        inner.ListDueAsync(dueBy, cancellationToken);
}
