using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Users.Workflow;

/// <summary>
/// The last step of a <c>users-bulk</c> instance: the operation's summary event, as a synchronous run writes it
/// (action <c>users.bulk</c>, the counts, success or partial), once however often the step runs.
/// </summary>
public sealed class AuditBulkSummary(IAuditLog audit) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<BulkUserWorkflowInput>();
        var progress = context.GetOutput<BulkUserProgress>(nameof(ApplyBulkBatch))
            ?? throw new InvalidOperationException($"{nameof(AuditBulkSummary)} runs after {nameof(ApplyBulkBatch)}.");
        var action = BulkUserChanges.ActionName(input.Command.Action);
        var summary = new BulkSummary(progress.Done, progress.Changed, progress.Unchanged, progress.Failed);
        await audit.AppendOnceAsync(new AuditEntry(context.Actor, AuditActions.UsersBulk, "users", action,
            After: AuditEntry.Snapshot(new { Action = action, input.Command.Role, input.Command.TenantId, Summary = summary, OperationId = context.InstanceId }),
            Reason: input.Command.Reason, Outcome: summary.Failed == 0 ? "success" : "partial"), context.CreatedTime, cancellationToken);
        return summary;
    }
}
