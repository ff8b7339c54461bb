using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Tests.Monitoring;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(1.01, 1)]
    [InlineData(100, 7)]
    [InlineData(30000, 19)]
    [InlineData(30001, 20)]
    public void Latencies_FallInTheFirstBucketWhoseBoundHoldsThem(double milliseconds, int bucket) =>
        Assert.Equal(bucket, LatencyHistogram.BucketOf(milliseconds));

    [Fact]
    public void Percentiles_InterpolateInsideTheBucket()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 100; i++)
        {
            histogram.Add(i < 90 ? 60 : 400); // 90 in (50,75], 10 in (300,500]
        }
        Assert.InRange(histogram.Percentile(0.50)!.Value, 50, 75);
        Assert.InRange(histogram.Percentile(0.95)!.Value, 300, 500);
    }

    [Fact]
    public void MergedHistograms_GiveThePercentilesOfAllSamples()
    {
        // One instance is fast, the other slow: the p95 of the sum sits in the slow bucket, unlike any average of percentiles.
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        for (var i = 0; i < 90; i++)
        {
            fast.Add(3);
        }
        for (var i = 0; i < 10; i++)
        {
            slow.Add(1200);
        }
        fast.Merge(slow);
        Assert.Equal(100, fast.Count);
        Assert.InRange(fast.Percentile(0.95)!.Value, 1000, 1500);
        Assert.InRange(fast.Percentile(0.50)!.Value, 2, 5);
    }

    [Fact]
    public void WithoutSamples_ThereIsNoPercentile() => Assert.Null(new LatencyHistogram().Percentile(0.5));

    [Fact]
    public void Serialized_RoundTripsAndRejectsOtherLayouts()
    {
        var histogram = new LatencyHistogram();
        histogram.Add(12);
        histogram.Add(99999);
        var parsed = LatencyHistogram.TryParse(histogram.Serialize());
        Assert.Equal(histogram.Counts, parsed!.Counts);
        Assert.Null(LatencyHistogram.TryParse("1,2,3"));
        Assert.Null(LatencyHistogram.TryParse(null));
    }
}
