namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>The period GET /analytics/users covers, and how it is grouped.</summary>
public sealed record UserAnalyticsQuery(AnalyticsInterval Interval, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The start of the day or ISO week (Monday) that <paramref name="time"/> falls in, in UTC.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset time)
    {
        var day = new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero);
        return Interval == AnalyticsInterval.Day ? day : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public DateTimeOffset NextPeriod(DateTimeOffset periodStart) =>
        Interval == AnalyticsInterval.Day ? periodStart.AddDays(1) : periodStart.AddDays(7);
}
