using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>Offboarding step 2: revokes every session that is left. Its audit event marks the step as done.</summary>
public sealed class RevokeSessions(StaffService staff, IAuditLog audit) : IWorkflowActivity
{
    public const string AuditAction = "staff.sessions.revoke";

    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<OffboardingInput>();
        if (await audit.ContainsAsync(AuditAction, input.StaffId, context.Actor.CorrelationId, context.CreatedTime - OffboardingWorkflows.SynchronousLead, cancellationToken))
        {
            return new { Revoked = 0, AlreadyDone = true };
        }
        var revoked = await staff.RevokeSessionsAsync(context.Actor, input.StaffId, input.Reason, cancellationToken);
        return new { Revoked = revoked, AlreadyDone = false };
    }
}
