using System.Collections.Concurrent;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// This instance's requests per HTTP function and minute, held in memory until a flush writes them as
/// <see cref="RequestMinute"/> rows. Recording is lock-free and allocates only for the first request of a
/// function in a minute, so it can sit on the request path.
/// </summary>
public sealed class RequestMinuteAggregator
{
    /// <summary>Minutes this old are no longer recorded into, so once written they can leave memory.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<(long MinuteTicks, string Function), RequestCounters> _minutes = new();

    public void Record(string function, int statusCode, double milliseconds, DateTimeOffset now)
    {
        var key = (MinuteClock.Minute(now).UtcTicks, function);
        var counters = _minutes.TryGetValue(key, out var existing) ? existing : _minutes.GetOrAdd(key, static _ => new RequestCounters());
        counters.Add(statusCode, milliseconds);
    }

    /// <summary>The minutes that changed since the last committed flush, as rows for <paramref name="instance"/>.</summary>
    public FlushBatch<RequestMinute> TakePending(string instance, DateTimeOffset now)
    {
        var pending = new List<(KeyValuePair<(long, string), RequestCounters> Entry, long Version, RequestMinute Row)>();
        foreach (var entry in _minutes)
        {
            // Read the version before the counters: a later increment is then written again by the next flush.
            var version = entry.Value.Version;
            if (version != entry.Value.FlushedVersion)
            {
                var minute = new DateTimeOffset(entry.Key.MinuteTicks, TimeSpan.Zero);
                pending.Add((entry, version, entry.Value.Snapshot(minute, entry.Key.Function, instance)));
            }
        }
        return new FlushBatch<RequestMinute>(pending.Select(p => p.Row).ToList(), () =>
        {
            foreach (var (entry, version, _) in pending)
            {
                entry.Value.FlushedVersion = version;
            }
            Evict(now);
        });
    }

    private void Evict(DateTimeOffset now)
    {
        var settled = (MinuteClock.Minute(now) - Settled).UtcTicks;
        foreach (var entry in _minutes)
        {
            if (entry.Key.MinuteTicks <= settled && entry.Value.Version == entry.Value.FlushedVersion)
            {
                _minutes.TryRemove(entry);
            }
        }
    }
}
