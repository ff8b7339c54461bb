namespace PenguinMails.Admin.Monitoring;

/// <summary>Truncates times to the minute and hour buckets that monitoring rows are keyed by.</summary>
public static class MinuteClock
{
    public static DateTimeOffset Minute(DateTimeOffset time) => Truncate(time, TimeSpan.TicksPerMinute);

    public static DateTimeOffset Hour(DateTimeOffset time) => Truncate(time, TimeSpan.TicksPerHour);

    private static DateTimeOffset Truncate(DateTimeOffset time, long ticks)
    {
        var utc = time.UtcTicks;
        return new DateTimeOffset(utc - utc % ticks, TimeSpan.Zero);
    }
}
