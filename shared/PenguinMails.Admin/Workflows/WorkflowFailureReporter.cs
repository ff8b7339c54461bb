using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Makes a failure impossible to miss: one <c>workflow.failed</c> audit event per failed execution (checked before
/// writing, so a re-driven report does not repeat it) and an alert.
/// </summary>
public sealed class WorkflowFailureReporter(IAuditLog audit, IWorkflowAlertSink alerts)
{
    public const string AuditAction = "workflow.failed";

    public async Task ReportAsync(WorkflowInstance failed, CancellationToken cancellationToken = default)
    {
        var actor = Actor.System("workflows", failed.Id);
        var entry = new AuditEntry(actor, AuditAction, "workflow", failed.Id,
            After: AuditEntry.Snapshot(new { failed.Type, failed.Execution, failed.Error, Status = failed.Status.ToString() }), Outcome: "failure");
        // Looking back from the failure itself tells this execution's report apart from an earlier execution's.
        await audit.AppendOnceAsync(entry, failed.LastUpdatedTime.AddSeconds(-1), cancellationToken);
        await alerts.RaiseAsync(new WorkflowFailureAlert(failed.Id, failed.Type, failed.Execution, failed.Error, failed.LastUpdatedTime,
            WorkflowUrls.Status(failed.Id)), cancellationToken);
    }
}
