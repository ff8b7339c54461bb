using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.DataProtection;

/// <summary>
/// Purges finished workflow instances (Completed, Failed, Terminated) with their history once they are older than the
/// reports retention: the monitoring and compliance reports are what read them, and their starts stay in the audit
/// log. Running and waiting instances are never purged.
/// </summary>
public sealed class FinishedWorkflowsRetention(IWorkflowClient workflows, IAuditLog audit) : IRetentionTarget
{
    public string Name => "finishedWorkflows";

    public async Task<RetentionResult> EnforceAsync(RetentionDays retention, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var before = now.AddDays(-retention.Reports);
        var purged = await workflows.PurgeAsync(before, cancellationToken);
        if (purged > 0)
        {
            await audit.AppendAsync(new AuditEntry(Actor.System("data-retention"), AuditActions.WorkflowPurge, "workflow", "finished",
                After: AuditEntry.Snapshot(new { Purged = purged, CreatedBefore = before, retention.Reports })), cancellationToken);
        }
        return new RetentionResult(Name, 0, purged, $"finished instances created before {before:u} (reports retention, {retention.Reports} days)");
    }
}
