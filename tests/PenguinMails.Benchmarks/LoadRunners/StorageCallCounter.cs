using System.Diagnostics.Metrics;

namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>
/// Counts the process's outgoing HTTP requests (every storage call is one) from .NET's own
/// <c>http.client.request.duration</c> metric, so nothing in the code under test is changed to count.
/// </summary>
public sealed class StorageCallCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _calls;

    public StorageCallCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _calls));
        _listener.Start();
    }

    public long Calls => Interlocked.Read(ref _calls);

    public void Dispose() => _listener.Dispose();
}
