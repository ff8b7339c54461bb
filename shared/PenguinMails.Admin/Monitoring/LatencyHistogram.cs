using System.Globalization;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Request latencies counted in fixed buckets. Every instance uses the same bounds, so per-minute histograms from
/// any number of instances add up bucket by bucket, and the percentiles of the sum are right to within one bucket,
/// which averaging per-instance percentiles never is.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds in milliseconds. The last bucket counts everything above the last bound.</summary>
    public static IReadOnlyList<double> UpperBounds { get; } =
        [1, 2, 5, 10, 25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000];

    public static int BucketCount => UpperBounds.Count + 1;

    private readonly long[] _counts;

    public LatencyHistogram()
        : this(new long[BucketCount])
    {
    }

    private LatencyHistogram(long[] counts) => _counts = counts;

    public IReadOnlyList<long> Counts => _counts;

    public long Count => _counts.Sum();

    public static LatencyHistogram FromCounts(IReadOnlyList<long> counts)
    {
        if (counts.Count != BucketCount)
        {
            throw new ArgumentException($"A histogram has {BucketCount} buckets, not {counts.Count}.", nameof(counts));
        }
        return new LatencyHistogram(counts.ToArray());
    }

    /// <summary>The bucket a latency falls in: the first whose upper bound is at least the value.</summary>
    public static int BucketOf(double milliseconds)
    {
        var bounds = UpperBounds;
        int low = 0, high = bounds.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (milliseconds <= bounds[middle])
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low;
    }

    public void Add(double milliseconds) => _counts[BucketOf(milliseconds)]++;

    public void Merge(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    /// <summary>
    /// The latency below which a share <paramref name="quantile"/> (0..1] of requests fall, interpolated linearly
    /// inside its bucket. The open last bucket reports its lower bound. Null without samples.
    /// </summary>
    public double? Percentile(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return null;
        }
        var rank = Math.Clamp(quantile, 0, 1) * total;
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] > 0 && cumulative + _counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : UpperBounds[i - 1];
                if (i == UpperBounds.Count)
                {
                    return lower;
                }
                var fraction = (rank - cumulative) / _counts[i];
                return Math.Round(lower + (UpperBounds[i] - lower) * Math.Clamp(fraction, 0, 1), 1);
            }
            cumulative += _counts[i];
        }
        return UpperBounds[^1];
    }

    /// <summary>Comma-separated bucket counts, for storage.</summary>
    public string Serialize() => string.Join(',', _counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Parses <see cref="Serialize"/>'s output; null when the text was written with other bounds or is damaged.</summary>
    public static LatencyHistogram? TryParse(string? text)
    {
        var parts = text?.Split(',') ?? [];
        if (parts.Length != BucketCount)
        {
            return null;
        }
        var counts = new long[BucketCount];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]))
            {
                return null;
            }
        }
        return new LatencyHistogram(counts);
    }
}
