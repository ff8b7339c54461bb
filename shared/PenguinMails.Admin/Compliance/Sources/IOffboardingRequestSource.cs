namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// Port for the weekly report's 24-hour access-removal SLA: offboarding requests recorded by the workflows feature
/// (<see cref="WorkflowOffboardingRequests"/>). Without them, the report could list offboardings but not say how long
/// access removal took.
/// </summary>
public interface IOffboardingRequestSource
{
    /// <summary>Offboarding requests made in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<SourceResult<IReadOnlyList<OffboardingRequest>>> GetRequestsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
