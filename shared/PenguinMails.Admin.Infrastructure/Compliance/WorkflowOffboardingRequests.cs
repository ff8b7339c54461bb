using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Staff.Offboarding;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// Offboarding requests are the starts of offboarding workflow executions, read from the workflow run log (one range
/// query over the window): who asked, when, and the instance. A restarted offboarding is a new request.
/// </summary>
public sealed class WorkflowOffboardingRequests(IWorkflowRunLog runs) : IOffboardingRequestSource
{
    public async Task<SourceResult<IReadOnlyList<OffboardingRequest>>> GetRequestsAsync(DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        var started = await runs.ListStartedAsync(OffboardingWorkflows.OffboardingType, from, to, cancellationToken);
        IReadOnlyList<OffboardingRequest> requests = started
            .Where(r => OffboardingWorkflows.StaffIdOf(r.InstanceId) is not null)
            .Select(r => new OffboardingRequest(OffboardingWorkflows.StaffIdOf(r.InstanceId)!, r.StartedAt, r.StartedByEmail, r.InstanceId))
            .ToList();
        return SourceResult<IReadOnlyList<OffboardingRequest>>.Of(requests);
    }
}
