using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Counts invocations per function, for OpenTelemetry and for the monitoring API's rates.
/// The in-memory tallies cover this instance since it started.
/// </summary>
public sealed class FunctionMetrics : IDisposable
{
    public const string MeterName = "PenguinMails.Functions";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _invocations;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<string, FunctionTally> _tallies = new(StringComparer.Ordinal);

    public FunctionMetrics()
    {
        _invocations = _meter.CreateCounter<long>("penguinmails.function.invocations");
        _duration = _meter.CreateHistogram<double>("penguinmails.function.duration", unit: "ms");
    }

    public void Record(string functionName, bool succeeded, TimeSpan elapsed)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "failure");
        var name = new KeyValuePair<string, object?>("function", functionName);
        _invocations.Add(1, name, outcome);
        _duration.Record(elapsed.TotalMilliseconds, name, outcome);
        _tallies.GetOrAdd(functionName, _ => new FunctionTally()).Add(succeeded, elapsed);
    }

    public IReadOnlyDictionary<string, FunctionTally> Snapshot() => _tallies;

    public void Dispose() => _meter.Dispose();
}
