namespace PenguinMails.Admin.Monitoring;

/// <summary>Durable job-run counts (per minute and per hour, per instance) and latest runs, shared by every instance.</summary>
public interface IJobStatsStore
{
    /// <summary>Writes (replaces) the buckets; each holds its instance's cumulative counts for that bucket.</summary>
    Task WriteBucketsAsync(IReadOnlyCollection<JobBucket> buckets, CancellationToken cancellationToken = default);

    /// <summary>Merges the latest runs: fields a row leaves null keep their stored values.</summary>
    Task WriteLastRunsAsync(IReadOnlyCollection<JobLastRun> lastRuns, CancellationToken cancellationToken = default);

    /// <summary>Every bucket of <paramref name="size"/> starting in [<paramref name="from"/>, <paramref name="to"/>], from all instances.</summary>
    IAsyncEnumerable<JobBucket> ReadBucketsAsync(JobBucketSize size, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Every function's latest runs, one row per function and machine.</summary>
    Task<IReadOnlyList<JobLastRun>> ReadLastRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes buckets that start before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
