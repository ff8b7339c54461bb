namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// Counts times per UTC day or ISO week of <paramref name="query"/>, keeping only those in [From, To]. The series
/// lists every period from the one holding From to the one holding To, zeros included, so a chart has no gaps.
/// </summary>
public sealed class PeriodCounter(UserAnalyticsQuery query)
{
    private readonly Dictionary<DateTimeOffset, long> _counts = [];

    public void Add(DateTimeOffset time)
    {
        if (time >= query.From && time <= query.To)
        {
            var period = query.PeriodStart(time);
            _counts[period] = _counts.GetValueOrDefault(period) + 1;
        }
    }

    public IReadOnlyList<PeriodCount> Series()
    {
        var series = new List<PeriodCount>();
        for (var period = query.PeriodStart(query.From); period <= query.To; period = query.NextPeriod(period))
        {
            series.Add(new PeriodCount(period, _counts.GetValueOrDefault(period)));
        }
        return series;
    }
}
