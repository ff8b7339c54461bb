using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>Offboarding step 1: removes every role (which also revokes the person's sessions).</summary>
public sealed class RemoveRoles(StaffService staff, IAuditLog audit) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<OffboardingInput>();
        var member = (await staff.GetAsync(input.StaffId, cancellationToken)).Value;
        if (member.Roles.Count > 0)
        {
            await staff.SetRolesAsync(context.Actor, input.StaffId, [], null, input.Reason, cancellationToken);
            return new { Removed = member.Roles };
        }
        // No roles left: a re-run after a crash, or nothing to remove. Either way the step is on the record once.
        await audit.AppendOnceAsync(new AuditEntry(context.Actor, "staff.roles.set", "staff", input.StaffId,
            AuditEntry.Snapshot(new { Roles = Array.Empty<string>() }), AuditEntry.Snapshot(new { Roles = Array.Empty<string>() }), input.Reason),
            context.CreatedTime - OffboardingWorkflows.SynchronousLead, cancellationToken);
        return new { Removed = Array.Empty<string>() };
    }
}
