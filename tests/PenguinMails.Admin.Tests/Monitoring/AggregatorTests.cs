using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Tests.Monitoring;

public sealed class AggregatorTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 10, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public void RequestMinutes_CountOutcomesPerFunctionAndMinute()
    {
        var aggregator = new RequestMinuteAggregator();
        aggregator.Record("ListStaff", 200, 12, Noon);
        aggregator.Record("ListStaff", 404, 3, Noon);
        aggregator.Record("ListStaff", 503, 700, Noon.AddSeconds(10));
        aggregator.Record("ListStaff", 200, 5, Noon.AddMinutes(1));

        var rows = aggregator.TakePending("i1", Noon.AddMinutes(1)).Rows.OrderBy(r => r.Minute).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((3L, 1L, 1L), (rows[0].Requests, rows[0].ClientErrors, rows[0].ServerErrors));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero), rows[0].Minute);
        Assert.Equal(3, rows[0].Latency.Count);
        Assert.All(rows, r => Assert.Equal("i1", r.Instance));
    }

    [Fact]
    public void CommittedMinutes_AreNotPendingUntilTheyChange_AndUncommittedOnesStay()
    {
        var aggregator = new RequestMinuteAggregator();
        aggregator.Record("A", 200, 1, Noon);
        var first = aggregator.TakePending("i", Noon);
        Assert.Single(aggregator.TakePending("i", Noon).Rows); // not committed: still pending
        first.Commit();
        Assert.Empty(aggregator.TakePending("i", Noon).Rows);

        aggregator.Record("A", 500, 1, Noon);
        var again = Assert.Single(aggregator.TakePending("i", Noon).Rows);
        Assert.Equal(2, again.Requests); // cumulative, so replacing the stored row is enough
    }

    [Fact]
    public void JobRuns_AreCountedPerMinuteAndHour_WithTheLatestFailure()
    {
        var aggregator = new JobRunAggregator();
        aggregator.Record("Sweep", true, null, Noon);
        aggregator.Record("Sweep", false, "InvalidOperationException: first", Noon.AddSeconds(5));
        aggregator.Record("Sweep", false, "InvalidOperationException: second", Noon.AddSeconds(9));

        var buckets = aggregator.TakePendingBuckets("i", Noon).Rows;
        Assert.Equal(2, buckets.Count);
        Assert.All(buckets, b => Assert.Equal((3L, 2L), (b.Runs, b.Failures)));
        Assert.Contains(buckets, b => b.Size == JobBucketSize.Hour && b.Start == new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero));

        var last = Assert.Single(aggregator.TakePendingLastRuns("machine").Rows);
        Assert.Equal(Noon, last.LastSuccessAt);
        Assert.Equal(Noon.AddSeconds(9), last.LastFailureAt);
        Assert.Equal("InvalidOperationException: second", last.LastError);
    }
}
