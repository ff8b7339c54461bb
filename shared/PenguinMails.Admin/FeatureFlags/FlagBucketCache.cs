using System.Collections.Concurrent;

namespace PenguinMails.Admin.FeatureFlags;

/// <summary>
/// The rollout buckets one flag has computed, by tenant id. A bucket is a pure function of the flag key and the
/// tenant id (<see cref="FlagBucketing"/>), so a cached value can never be stale; caching only saves the SHA-256
/// (about 0.8 µs) on every later evaluation. At most <see cref="Capacity"/> tenants are kept per flag; beyond that
/// the bucket is computed each time.
/// </summary>
public sealed class FlagBucketCache(string flagKey)
{
    public const int Capacity = 10_000;
    // The default comparer is ordinal and starts with the runtime's non-randomized string hash, which is faster; the
    // dictionary switches to the randomized one itself if keys ever collide too often.
    private readonly ConcurrentDictionary<string, int> _buckets = new();
    private int _count;

    public int Bucket(string tenantId)
    {
        if (_buckets.TryGetValue(tenantId, out var bucket))
        {
            return bucket;
        }
        bucket = FlagBucketing.Bucket(flagKey, tenantId);
        if (Volatile.Read(ref _count) < Capacity && _buckets.TryAdd(tenantId, bucket))
        {
            Interlocked.Increment(ref _count);
        }
        return bucket;
    }
}
