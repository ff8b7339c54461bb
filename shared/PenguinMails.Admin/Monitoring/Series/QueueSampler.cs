namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>Takes this minute's sample of every monitored queue, the source of the queue series (the queues themselves keep no history).</summary>
public sealed class QueueSampler(IQueueStatsSource queues, IQueueSampleStore store, TimeProvider time)
{
    public async Task<int> SampleAsync(CancellationToken cancellationToken = default)
    {
        var minute = MinuteClock.Minute(time.GetUtcNow());
        var samples = (await queues.GetAsync(cancellationToken)).Where(q => q.Exists)
            .Select(q => new QueueSample(minute, q.Name, q.Depth, q.OldestMessageAge?.TotalSeconds is { } age ? Math.Round(age, 1) : null, q.PoisonCount))
            .ToList();
        await store.WriteAsync(samples, cancellationToken);
        return samples.Count;
    }
}
