using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff.Offboarding;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// Offboarding from an access review is the same workflow as <c>POST /api/staff/{id}/offboard</c>, started by the
/// reviewer: the same guards (not yourself, not the last super-admin), the same steps acting on the reviewer's behalf,
/// and its start audited as <c>workflow.start</c> with the review's reason.
/// </summary>
public sealed class WorkflowOffboardingStarter(StaffOffboardingService offboarding) : IOffboardingStarter
{
    public async Task<string> StartAsync(Actor actor, string staffId, string reason, CancellationToken cancellationToken = default) =>
        (await offboarding.StartOffboardingAsync(actor, staffId, reason, cancellationToken)).InstanceId;
}
