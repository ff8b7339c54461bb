namespace PenguinMails.Admin.Monitoring;

/// <summary>Runs and failures of one function in one bucket, on this instance.</summary>
internal sealed class JobCounters
{
    private long _runs;
    private long _failures;
    private long _version;

    public long FlushedVersion { get; set; }

    public long Version => Interlocked.Read(ref _version);

    public long Runs => Interlocked.Read(ref _runs);

    public long Failures => Interlocked.Read(ref _failures);

    public void Add(bool succeeded)
    {
        Interlocked.Increment(ref _runs);
        if (!succeeded)
        {
            Interlocked.Increment(ref _failures);
        }
        Interlocked.Increment(ref _version);
    }
}
