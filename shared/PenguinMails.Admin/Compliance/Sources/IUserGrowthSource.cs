namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// Port for the monthly report's user-growth section. <see cref="StoreUserGrowthSource"/> answers it from the
/// users and tenants stores.
/// </summary>
public interface IUserGrowthSource
{
    /// <summary>
    /// New users and tenants created in [<paramref name="from"/>, <paramref name="to"/>), per UTC week (Monday to
    /// Sunday). A range that starts or ends mid-week has a shorter first or last week, so the weeks add up to the range.
    /// </summary>
    Task<SourceResult<IReadOnlyList<GrowthWeek>>> GetWeeklyGrowthAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
