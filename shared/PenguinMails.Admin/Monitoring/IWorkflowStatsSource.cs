namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Job figures per workflow type, from the workflow engine: instances that finished in the last hour and day,
/// how many of them failed, and the latest completion and failure (with its sanitized error). Kind is
/// <see cref="MonitoredFunction.Workflow"/>. Without a workflow engine it returns nothing.
/// </summary>
public interface IWorkflowStatsSource
{
    Task<IReadOnlyList<JobSummary>> GetAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
