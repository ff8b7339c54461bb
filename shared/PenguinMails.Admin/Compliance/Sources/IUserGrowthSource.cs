namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// Port for the monthly report's user-growth section, implemented by the users and tenants feature.
/// </summary>
public interface IUserGrowthSource
{
    /// <summary>New users and tenants per week for every week that starts in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<SourceResult<IReadOnlyList<GrowthWeek>>> GetWeeklyGrowthAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
