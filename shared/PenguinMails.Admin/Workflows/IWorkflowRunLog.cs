namespace PenguinMails.Admin.Workflows;

/// <summary>
/// A durable index of executions by type and time, kept beside the instances: a record when an execution starts and
/// one when it finishes. Instances are stored one partition each, so "what started or finished in this window" would
/// otherwise mean scanning every instance; here each question is one bounded range query. Recording is idempotent
/// per execution, so a re-driven step can record again.
/// </summary>
public interface IWorkflowRunLog
{
    /// <summary>Records that <paramref name="started"/>'s current execution started (at its created time, by its starter).</summary>
    Task RecordStartAsync(WorkflowInstance started, CancellationToken cancellationToken = default);

    /// <summary>Records how <paramref name="finished"/>'s current execution ended (its status, at its last update).</summary>
    Task RecordFinishAsync(WorkflowInstance finished, CancellationToken cancellationToken = default);

    /// <summary>Executions of <paramref name="type"/> started in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<WorkflowRun>> ListStartedAsync(string type, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Executions of <paramref name="type"/> that ended with <paramref name="outcome"/> at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<WorkflowRun>> ListFinishedAsync(string type, WorkflowRuntimeStatus outcome, DateTimeOffset since,
        CancellationToken cancellationToken = default);

    /// <summary>The latest execution of <paramref name="type"/> that ended with <paramref name="outcome"/>, or null.</summary>
    Task<WorkflowRun?> LastFinishedAsync(string type, WorkflowRuntimeStatus outcome, CancellationToken cancellationToken = default);
}
