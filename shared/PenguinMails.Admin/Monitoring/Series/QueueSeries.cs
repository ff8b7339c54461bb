namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>
/// Queue depth and oldest message age per bucket. Each minute, all queues together are the summed depth and the oldest
/// head; an hour is its highest minute, the peak an operator looks for. A bucket without a sample is null.
/// </summary>
internal static class QueueSeries
{
    public static IReadOnlyList<SeriesPoint> Points(SeriesQuery query, IReadOnlyList<DateTimeOffset> buckets, IEnumerable<QueueSample> samples)
    {
        var minutes = samples.GroupBy(s => s.Minute).Select(minute => (Minute: minute.Key, Value: MinuteValue(query.Metric, minute)));
        var byBucket = minutes.ToLookup(m => query.BucketOf(m.Minute), m => m.Value);
        return buckets.Select(bucket => new SeriesPoint(bucket, byBucket[bucket].Where(v => v is not null).Max())).ToList();
    }

    private static double? MinuteValue(SeriesMetric metric, IEnumerable<QueueSample> samples) =>
        metric == SeriesMetric.QueueDepth ? samples.Sum(s => s.Depth) : samples.Max(s => s.OldestAgeSeconds) ?? 0;
}
