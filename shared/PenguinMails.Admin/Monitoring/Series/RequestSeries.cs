namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>Request counts and p95 latency per bucket from per-minute, per-instance request rows.</summary>
internal static class RequestSeries
{
    public static IReadOnlyList<SeriesPoint> Points(SeriesQuery query, IReadOnlyList<DateTimeOffset> buckets, IEnumerable<RequestMinute> rows)
    {
        var byBucket = rows.ToLookup(r => query.BucketOf(r.Minute));
        return buckets.Select(bucket => new SeriesPoint(bucket, Value(query.Metric, byBucket[bucket]))).ToList();
    }

    private static double? Value(SeriesMetric metric, IEnumerable<RequestMinute> rows)
    {
        if (metric == SeriesMetric.P95LatencyMs)
        {
            // Histograms add up bucket by bucket across instances and minutes; percentiles never would.
            var latency = new LatencyHistogram();
            foreach (var row in rows)
            {
                latency.Merge(row.Latency);
            }
            return latency.Percentile(0.95);
        }
        return rows.Sum(r => metric switch
        {
            SeriesMetric.ClientErrors => r.ClientErrors,
            SeriesMetric.ServerErrors => r.ServerErrors,
            _ => r.Requests,
        });
    }
}
