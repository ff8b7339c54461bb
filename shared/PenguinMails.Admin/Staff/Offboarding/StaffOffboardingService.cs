using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>
/// Starts the staff workflows. The guards apply up front (nobody offboards themselves or the last active
/// super-admin), and again in each step, which acts on the starter's behalf.
/// </summary>
public sealed class StaffOffboardingService(StaffService staff, StaffGuards guards, IWorkflowClient workflows)
{
    /// <summary>
    /// Offboards <paramref name="id"/>: removes every role and revokes every session before returning, as the same
    /// workflow steps would (audited with the workflow id as correlation id, so those steps find them done), then
    /// starts (or returns the running) workflow for the rest: mark offboarded, audit review.
    /// </summary>
    public async Task<WorkflowStart> StartOffboardingAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var member = (await staff.GetAsync(id, cancellationToken)).Value;
        guards.EnsureNotSelf(actor, id, "offboard yourself");
        if (member.Roles.Contains(RoleCatalog.SuperAdmin))
        {
            await guards.EnsureAnotherActiveSuperAdminAsync(id, cancellationToken);
        }
        var instanceId = OffboardingWorkflows.OffboardingId(id);
        var acting = actor with { CorrelationId = instanceId };
        if (member.Roles.Count > 0)
        {
            await staff.SetRolesAsync(acting, id, [], null, why, cancellationToken);
        }
        await staff.RevokeSessionsAsync(acting, id, why, cancellationToken);
        return await workflows.StartAsync(actor, OffboardingWorkflows.OffboardingType, instanceId,
            new OffboardingInput(id, why, Emergency: false), why, cancellationToken);
    }

    /// <summary>
    /// Cuts access now: suspends an active member (which rotates their security stamp and revokes every session)
    /// or, if already suspended or offboarded, revokes their sessions; both before returning. Then starts the
    /// follow-up audit review with priority.
    /// </summary>
    public async Task<WorkflowStart> EmergencyRevokeAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var member = (await staff.GetAsync(id, cancellationToken)).Value;
        guards.EnsureNotSelf(actor, id, "revoke your own access");
        if (member.Status == StaffStatus.Active)
        {
            await staff.SuspendAsync(actor, id, why, cancellationToken);
        }
        else
        {
            await staff.RevokeSessionsAsync(actor, id, why, cancellationToken);
        }
        return await workflows.StartAsync(actor, OffboardingWorkflows.EmergencyRevocationType, OffboardingWorkflows.EmergencyRevocationId(id),
            new OffboardingInput(id, why, Emergency: true), why, cancellationToken);
    }
}
