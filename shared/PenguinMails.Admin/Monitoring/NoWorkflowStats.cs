namespace PenguinMails.Admin.Monitoring;

/// <summary>The default when no workflow engine is registered: there are no workflow types to report.</summary>
public sealed class NoWorkflowStats : IWorkflowStatsSource
{
    public Task<IReadOnlyList<JobSummary>> GetAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JobSummary>>([]);
}
