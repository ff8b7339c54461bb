using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>
/// Offboarding step 3 (API.md's "suspend"): the account can no longer sign in. It sets the status to offboarded, for
/// good, not merely suspended (which an admin can reactivate), so the step is named for what it does.
/// </summary>
public sealed class MarkOffboarded(StaffService staff, IAuditLog audit) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<OffboardingInput>();
        var member = (await staff.GetAsync(input.StaffId, cancellationToken)).Value;
        if (member.Status != StaffStatus.Offboarded)
        {
            await staff.MarkOffboardedAsync(context.Actor, input.StaffId, input.Reason, cancellationToken);
        }
        else
        {
            // Already offboarded (a re-run after a crash): record the step unless this execution already did.
            await audit.AppendOnceAsync(new AuditEntry(context.Actor, AuditActions.StaffOffboard, "staff", input.StaffId,
                AuditEntry.Snapshot(new { member.Status }), AuditEntry.Snapshot(new { Status = StaffStatus.Offboarded }), input.Reason),
                context.CreatedTime, cancellationToken);
        }
        return new { Status = "offboarded" };
    }
}
