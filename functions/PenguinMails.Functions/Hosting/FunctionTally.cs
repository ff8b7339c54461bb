namespace PenguinMails.Functions.Hosting;

/// <summary>Running totals for one function on this instance.</summary>
public sealed class FunctionTally
{
    private long _succeeded;
    private long _failed;
    private long _totalTicks;

    public long Succeeded => Interlocked.Read(ref _succeeded);
    public long Failed => Interlocked.Read(ref _failed);
    public TimeSpan TotalDuration => TimeSpan.FromTicks(Interlocked.Read(ref _totalTicks));

    public void Add(bool succeeded, TimeSpan elapsed)
    {
        Interlocked.Increment(ref succeeded ? ref _succeeded : ref _failed);
        Interlocked.Add(ref _totalTicks, elapsed.Ticks);
    }
}
