using PenguinMails.Admin.Monitoring.Series;

namespace PenguinMails.Admin.Tests.Monitoring;

public sealed class SeriesBucketTests
{
    private static readonly DateTimeOffset Ten = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Buckets_RunFromTheOneHoldingFrom_ToTheCurrentOne_LeavingOutTheFuture()
    {
        var query = new SeriesQuery(SeriesMetric.Requests, null, Ten.AddSeconds(30), Ten.AddMinutes(10), SeriesStep.Minute);
        var buckets = query.Buckets(now: Ten.AddMinutes(2).AddSeconds(5));
        Assert.Equal([Ten, Ten.AddMinutes(1), Ten.AddMinutes(2)], buckets);
    }

    [Fact]
    public void QueueHours_AreTheirBusiestMinute_AllQueuesSummed_AndUnsampledHoursAreNull()
    {
        var query = new SeriesQuery(SeriesMetric.QueueDepth, null, Ten.AddHours(-1), Ten.AddMinutes(30), SeriesStep.Hour);
        QueueSample Sample(int minute, string queue, long depth) => new(Ten.AddMinutes(minute), queue, depth, null, 0);
        var points = QueueSeries.Points(query, query.Buckets(Ten.AddMinutes(30)),
            [Sample(1, "a", 3), Sample(1, "b", 4), Sample(2, "a", 10), Sample(2, "b", 0), Sample(3, "a", 1)]);

        Assert.Equal([Ten.AddHours(-1), Ten], points.Select(p => p.Time));
        Assert.Null(points[0].Value);
        Assert.Equal(10, points[1].Value);
    }

    [Fact]
    public void QueueAge_IsTheOldestHead_AndZeroWhenSampledQueuesWereEmpty()
    {
        var query = new SeriesQuery(SeriesMetric.QueueOldestAgeSeconds, null, Ten, Ten.AddMinutes(1), SeriesStep.Minute);
        var points = QueueSeries.Points(query, query.Buckets(Ten.AddMinutes(1)),
            [new QueueSample(Ten, "a", 2, 40, 0), new QueueSample(Ten, "b", 1, 90, 0), new QueueSample(Ten.AddMinutes(1), "a", 0, null, 0)]);
        Assert.Equal(new double?[] { 90, 0 }, points.Select(p => p.Value));
    }
}
