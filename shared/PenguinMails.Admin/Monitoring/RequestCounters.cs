namespace PenguinMails.Admin.Monitoring;

/// <summary>Lock-free counters for one function and minute, written on the request path.</summary>
internal sealed class RequestCounters
{
    private readonly long[] _latency = new long[LatencyHistogram.BucketCount];
    private long _requests;
    private long _clientErrors;
    private long _serverErrors;
    private long _version;

    public long FlushedVersion { get; set; }

    public long Version => Interlocked.Read(ref _version);

    public void Add(int statusCode, double milliseconds)
    {
        Interlocked.Increment(ref _requests);
        if (statusCode >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
        else if (statusCode >= 400)
        {
            Interlocked.Increment(ref _clientErrors);
        }
        Interlocked.Increment(ref _latency[LatencyHistogram.BucketOf(milliseconds)]);
        Interlocked.Increment(ref _version);
    }

    public RequestMinute Snapshot(DateTimeOffset minute, string function, string instance)
    {
        var latency = new long[_latency.Length];
        for (var i = 0; i < latency.Length; i++)
        {
            latency[i] = Interlocked.Read(ref _latency[i]);
        }
        return new RequestMinute(minute, function, instance, Interlocked.Read(ref _requests), Interlocked.Read(ref _clientErrors),
            Interlocked.Read(ref _serverErrors), LatencyHistogram.FromCounts(latency));
    }
}
