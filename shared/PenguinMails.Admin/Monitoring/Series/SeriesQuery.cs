namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>
/// A validated series request: the metric, an optional name within its family (null means all), and the buckets of
/// <see cref="Step"/> from the one holding <see cref="From"/> to the one holding <see cref="To"/>.
/// </summary>
public sealed record SeriesQuery(SeriesMetric Metric, string? Name, DateTimeOffset From, DateTimeOffset To, SeriesStep Step)
{
    public static readonly TimeSpan MaxMinuteRange = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxHourRange = TimeSpan.FromDays(7);

    public TimeSpan StepLength => Step == SeriesStep.Minute ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1);

    public DateTimeOffset BucketOf(DateTimeOffset time) => Step == SeriesStep.Minute ? MinuteClock.Minute(time) : MinuteClock.Hour(time);

    /// <summary>Every bucket start in the range, oldest first; buckets after <paramref name="now"/>'s are left out.</summary>
    public IReadOnlyList<DateTimeOffset> Buckets(DateTimeOffset now)
    {
        var last = BucketOf(To < now ? To : now);
        var buckets = new List<DateTimeOffset>();
        for (var bucket = BucketOf(From); bucket <= last; bucket += StepLength)
        {
            buckets.Add(bucket);
        }
        return buckets;
    }
}
