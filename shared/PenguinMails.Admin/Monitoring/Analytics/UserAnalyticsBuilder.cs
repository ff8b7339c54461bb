namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// Counts users and tenants into <see cref="UserAnalytics"/> in one pass over the stores' rows: creations per
/// period in the query's range (every period listed, zeros included), active users as of its end, and the
/// current breakdown by status.
/// </summary>
public sealed class UserAnalyticsBuilder(UserAnalyticsQuery query)
{
    private readonly Dictionary<DateTimeOffset, long> _newUsers = [];
    private readonly Dictionary<DateTimeOffset, long> _newTenants = [];
    private readonly Dictionary<string, long> _usersByStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _tenantsByStatus = new(StringComparer.Ordinal);
    private long _activeDay;
    private long _activeWeek;
    private long _activeMonth;

    public UserAnalyticsBuilder AddUser(DateTimeOffset createdAt, string status, DateTimeOffset? lastActiveAt)
    {
        CountCreation(_newUsers, createdAt);
        _usersByStatus[status] = _usersByStatus.GetValueOrDefault(status) + 1;
        if (lastActiveAt is { } active && active <= query.To)
        {
            var idle = query.To - active;
            _activeDay += idle <= TimeSpan.FromDays(1) ? 1 : 0;
            _activeWeek += idle <= TimeSpan.FromDays(7) ? 1 : 0;
            _activeMonth += idle <= TimeSpan.FromDays(30) ? 1 : 0;
        }
        return this;
    }

    public UserAnalyticsBuilder AddTenant(DateTimeOffset createdAt, string status)
    {
        CountCreation(_newTenants, createdAt);
        _tenantsByStatus[status] = _tenantsByStatus.GetValueOrDefault(status) + 1;
        return this;
    }

    public UserAnalytics Build() => new(true, null, Series(_newUsers), Series(_newTenants),
        new ActiveUserCounts(_activeDay, _activeWeek, _activeMonth), _usersByStatus, _tenantsByStatus);

    private void CountCreation(Dictionary<DateTimeOffset, long> counts, DateTimeOffset createdAt)
    {
        if (createdAt >= query.From && createdAt <= query.To)
        {
            var period = query.PeriodStart(createdAt);
            counts[period] = counts.GetValueOrDefault(period) + 1;
        }
    }

    private List<PeriodCount> Series(Dictionary<DateTimeOffset, long> counts)
    {
        var series = new List<PeriodCount>();
        for (var period = query.PeriodStart(query.From); period <= query.To; period = query.NextPeriod(period))
        {
            series.Add(new PeriodCount(period, counts.GetValueOrDefault(period)));
        }
        return series;
    }
}
