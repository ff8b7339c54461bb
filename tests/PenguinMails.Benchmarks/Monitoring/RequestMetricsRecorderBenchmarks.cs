using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Monitoring;

namespace PenguinMails.Benchmarks.Monitoring;

/// <summary>
/// What recording one HTTP call costs on the request path: the per-minute aggregate alone, and the full recorder
/// (aggregate + OpenTelemetry counter and histogram) without and with a metrics listener attached, as under export.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- --filter '*RequestMetricsRecorder*' --job short
/// </summary>
[MemoryDiagnoser]
public class RequestMetricsRecorderBenchmarks
{
    private static readonly string[] Functions = ["ListStaff", "GetStaff", "ListAuditEvents", "GetMonitoringHealth", "ListRoles", "GetMe"];
    private RequestMinuteAggregator _aggregator = null!;
    private RequestMetricsRecorder _recorder = null!;
    private RequestMetricsRecorder _observed = null!;
    private MeterListener _listener = null!;
    private long _observations;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _aggregator = new RequestMinuteAggregator();
        _recorder = new RequestMetricsRecorder(new RequestMinuteAggregator(), TimeProvider.System);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == FunctionMetrics.MeterName && instrument.Name.StartsWith("penguinmails.http", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _observations, value));
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _observations));
        _listener.Start();
        _observed = new RequestMetricsRecorder(new RequestMinuteAggregator(), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener.Dispose();
        _recorder.Dispose();
        _observed.Dispose();
    }

    [Benchmark(Baseline = true, Description = "aggregate only")]
    public void Aggregate() => _aggregator.Record(NextFunction(), 200, 12.5, DateTimeOffset.UtcNow);

    [Benchmark(Description = "recorder, no OTel listener")]
    public void Recorder() => _recorder.Record(NextFunction(), 200, TimeSpan.FromMilliseconds(12.5));

    [Benchmark(Description = "recorder, OTel listener on")]
    public void RecorderObserved() => _observed.Record(NextFunction(), 500, TimeSpan.FromMilliseconds(840));

    private string NextFunction() => Functions[_next++ % Functions.Length];
}
