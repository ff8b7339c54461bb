using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// Counts users and tenants created in [<paramref name="from"/>, <paramref name="to"/>) per UTC week (Monday to
/// Sunday). A range that starts or ends mid-week gets a shorter first or last week, labelled with its first day
/// inside the range, so the weeks add up to the range exactly (a month's weeks to the month).
/// </summary>
public sealed class WeeklyGrowthTally(DateOnly from, DateOnly to)
{
    private readonly PeriodCounter _users = new(Weeks(from, to));
    private readonly PeriodCounter _tenants = new(Weeks(from, to));

    public WeeklyGrowthTally AddUser(DateTimeOffset createdAt)
    {
        _users.Add(createdAt);
        return this;
    }

    public WeeklyGrowthTally AddTenant(DateTimeOffset createdAt)
    {
        _tenants.Add(createdAt);
        return this;
    }

    public IReadOnlyList<GrowthWeek> Build()
    {
        if (to <= from)
        {
            return [];
        }
        return _users.Series().Zip(_tenants.Series(), (users, tenants) =>
        {
            var monday = DateOnly.FromDateTime(users.PeriodStart.UtcDateTime);
            return new GrowthWeek(monday < from ? from : monday, checked((int)users.Count), checked((int)tenants.Count));
        }).ToList();
    }

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    // The counter's range is inclusive: the last instant before `to` closes it.
    private static UserAnalyticsQuery Weeks(DateOnly from, DateOnly to) => new(AnalyticsInterval.Week, Start(from), Start(to).AddTicks(-1));
}
