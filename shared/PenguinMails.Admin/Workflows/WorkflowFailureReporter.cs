using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Compliance.Alerts;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Makes a failure impossible to miss: one <c>workflow.failed</c> audit event per failed execution (checked before
/// writing, so a re-driven report does not repeat it) and an alert on the common alert path (<see cref="AlertService"/>:
/// stored, audited and published once, shown with the security and monitoring alerts). The alert is keyed by instance
/// and execution, so reporting the same failure again finishes what is missing and never raises a second alert.
/// </summary>
public sealed class WorkflowFailureReporter(IAuditLog audit, AlertService alerts)
{
    public const string AuditAction = "workflow.failed";
    public const string AlertSource = "workflows";
    public const string AlertType = "workflow-failed";

    public async Task ReportAsync(WorkflowFailure failed, CancellationToken cancellationToken = default)
    {
        var actor = Actor.System(AlertSource, failed.InstanceId);
        var entry = new AuditEntry(actor, AuditAction, "workflow", failed.InstanceId,
            After: AuditEntry.Snapshot(new { failed.Type, failed.Execution, failed.Error, Status = nameof(WorkflowRuntimeStatus.Failed) }), Outcome: "failure");
        // Looking back from the failure itself tells this execution's report apart from an earlier execution's.
        await audit.AppendOnceAsync(entry, failed.FailedAt.AddMinutes(-1), cancellationToken);
        await alerts.RaiseAsync(AlertFor(failed), cancellationToken);
    }

    public static AlertDraft AlertFor(WorkflowFailure failed)
    {
        var summary = $"Workflow {failed.Type} '{failed.InstanceId}' failed: {failed.Error}";
        var details = new Dictionary<string, string>
        {
            ["workflowId"] = failed.InstanceId,
            ["workflowType"] = failed.Type,
            ["execution"] = failed.Execution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusUrl"] = WorkflowUrls.Status(failed.InstanceId),
        };
        return new AlertDraft(AlertSource, AlertType, AlertSeverity.High, summary.Length > 500 ? summary[..500] : summary, failed.FailedAt,
            $"{failed.InstanceId}:{failed.Execution}", Subject: failed.InstanceId, Details: details);
    }
}
