namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Executions by type and time, read from the engine's own instance records (a query by created time or by runtime
/// status), for the monitoring jobs report and the compliance report's offboarding SLA.
/// </summary>
public interface IWorkflowRunLog
{
    /// <summary>Executions of <paramref name="type"/> started in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<WorkflowRun>> ListStartedAsync(string type, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Executions of <paramref name="type"/> that ended with <paramref name="outcome"/> at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<WorkflowRun>> ListFinishedAsync(string type, WorkflowRuntimeStatus outcome, DateTimeOffset since,
        CancellationToken cancellationToken = default);

    /// <summary>The latest execution of <paramref name="type"/> that ended with <paramref name="outcome"/>, or null.</summary>
    Task<WorkflowRun?> LastFinishedAsync(string type, WorkflowRuntimeStatus outcome, CancellationToken cancellationToken = default);
}
