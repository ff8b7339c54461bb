namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// Counts users and tenants into <see cref="UserAnalytics"/> in one pass over the stores' rows: creations per
/// period in the query's range (every period listed, zeros included), active users as of its end, and the
/// current breakdown by status. Statuses named up front are listed even when nobody has them.
/// </summary>
public sealed class UserAnalyticsBuilder(UserAnalyticsQuery query, IEnumerable<string>? userStatuses = null, IEnumerable<string>? tenantStatuses = null)
{
    private readonly PeriodCounter _newUsers = new(query);
    private readonly PeriodCounter _newTenants = new(query);
    private readonly Dictionary<string, long> _usersByStatus = Zeros(userStatuses);
    private readonly Dictionary<string, long> _tenantsByStatus = Zeros(tenantStatuses);
    private long _activeDay;
    private long _activeWeek;
    private long _activeMonth;

    public UserAnalyticsBuilder AddUser(DateTimeOffset createdAt, string status, DateTimeOffset? lastActiveAt)
    {
        _newUsers.Add(createdAt);
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
        _newTenants.Add(createdAt);
        _tenantsByStatus[status] = _tenantsByStatus.GetValueOrDefault(status) + 1;
        return this;
    }

    public UserAnalytics Build() => new(true, null, _newUsers.Series(), _newTenants.Series(),
        new ActiveUserCounts(_activeDay, _activeWeek, _activeMonth), _usersByStatus, _tenantsByStatus);

    private static Dictionary<string, long> Zeros(IEnumerable<string>? statuses) =>
        (statuses ?? []).Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
}
