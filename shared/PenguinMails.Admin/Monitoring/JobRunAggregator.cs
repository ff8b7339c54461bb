using System.Collections.Concurrent;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// This instance's timer and queue function runs: per-minute and per-hour counts and the latest success and
/// failure, held in memory until a flush writes them. Recording never does I/O, so it cannot fail a run.
/// </summary>
public sealed class JobRunAggregator
{
    private readonly ConcurrentDictionary<(long StartTicks, JobBucketSize Size, string Function), JobCounters> _buckets = new();
    private readonly ConcurrentDictionary<string, LastRunState> _lastRuns = new(StringComparer.Ordinal);

    /// <param name="error">The failure, already sanitized with <see cref="ErrorText.Describe"/>; null on success.</param>
    public void Record(string function, bool succeeded, string? error, DateTimeOffset finishedAt)
    {
        Count((MinuteClock.Minute(finishedAt).UtcTicks, JobBucketSize.Minute, function), succeeded);
        Count((MinuteClock.Hour(finishedAt).UtcTicks, JobBucketSize.Hour, function), succeeded);
        _lastRuns.GetOrAdd(function, static _ => new LastRunState()).Record(succeeded, error, finishedAt);
    }

    public FlushBatch<JobBucket> TakePendingBuckets(string instance, DateTimeOffset now)
    {
        var pending = new List<(KeyValuePair<(long, JobBucketSize, string), JobCounters> Entry, long Version, JobBucket Row)>();
        foreach (var entry in _buckets)
        {
            var version = entry.Value.Version;
            if (version != entry.Value.FlushedVersion)
            {
                var (start, size, function) = entry.Key;
                pending.Add((entry, version, new JobBucket(new DateTimeOffset(start, TimeSpan.Zero), size, function, instance,
                    entry.Value.Runs, entry.Value.Failures)));
            }
        }
        return new FlushBatch<JobBucket>(pending.Select(p => p.Row).ToList(), () =>
        {
            foreach (var (entry, version, _) in pending)
            {
                entry.Value.FlushedVersion = version;
            }
            Evict(now);
        });
    }

    public FlushBatch<JobLastRun> TakePendingLastRuns(string machine)
    {
        var pending = new List<(LastRunState State, long Version, JobLastRun Row)>();
        foreach (var (function, state) in _lastRuns)
        {
            var (version, row) = state.Snapshot(function, machine);
            if (version != state.FlushedVersion)
            {
                pending.Add((state, version, row));
            }
        }
        return new FlushBatch<JobLastRun>(pending.Select(p => p.Row).ToList(), () =>
        {
            foreach (var (state, version, _) in pending)
            {
                state.FlushedVersion = version;
            }
        });
    }

    private void Count((long, JobBucketSize, string) key, bool succeeded) =>
        _buckets.GetOrAdd(key, static _ => new JobCounters()).Add(succeeded);

    private void Evict(DateTimeOffset now)
    {
        var settledMinute = (MinuteClock.Minute(now) - TimeSpan.FromMinutes(2)).UtcTicks;
        var settledHour = (MinuteClock.Hour(now) - TimeSpan.FromHours(1)).UtcTicks;
        foreach (var entry in _buckets)
        {
            var settled = entry.Key.Size == JobBucketSize.Minute ? settledMinute : settledHour;
            if (entry.Key.StartTicks <= settled && entry.Value.Version == entry.Value.FlushedVersion)
            {
                _buckets.TryRemove(entry);
            }
        }
    }
}
