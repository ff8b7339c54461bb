using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Instances and their history. Every write is guarded by the instance's ETag and writes the instance together
/// with its new history lines, atomically, so two workers can never both advance one instance.
/// </summary>
public interface IWorkflowStore
{
    Task<Versioned<WorkflowInstance>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates the instance with its first history lines and returns its ETag; null when the id is taken.</summary>
    Task<string?> TryCreateAsync(WorkflowInstance instance, IReadOnlyList<WorkflowHistoryEvent> history, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the instance if <paramref name="etag"/> still matches and appends <paramref name="history"/>, whose
    /// lines are the last ones counted by <see cref="WorkflowInstance.HistoryCount"/> (the caller has added them).
    /// Returns the new ETag, or null when another writer got there first.
    /// </summary>
    Task<string?> TryReplaceAsync(WorkflowInstance instance, string etag, IReadOnlyList<WorkflowHistoryEvent> history,
        CancellationToken cancellationToken = default);

    /// <summary>The instance's history, oldest first.</summary>
    Task<IReadOnlyList<WorkflowHistoryEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default);

    Task<Page<WorkflowInstance>> ListAsync(WorkflowFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Instances with work due at or before <paramref name="dueBy"/> (for the sweeper).</summary>
    IAsyncEnumerable<WorkflowInstance> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default);
}
