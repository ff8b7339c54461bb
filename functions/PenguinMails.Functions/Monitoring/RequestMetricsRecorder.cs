using System.Diagnostics.Metrics;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Monitoring;

/// <summary>
/// Records one HTTP function call: into this instance's per-minute aggregate (flushed to storage for the
/// monitoring API) and into OpenTelemetry instruments (exported to Azure Monitor), with the same latency buckets.
/// </summary>
public sealed class RequestMetricsRecorder : IDisposable
{
    public const string RequestsInstrument = "penguinmails.http.requests";
    public const string DurationInstrument = "penguinmails.http.request.duration";
    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];
    private readonly Meter _meter = new(FunctionMetrics.MeterName);
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly RequestMinuteAggregator _aggregator;
    private readonly TimeProvider _time;

    public RequestMetricsRecorder(RequestMinuteAggregator aggregator, TimeProvider time)
    {
        (_aggregator, _time) = (aggregator, time);
        _requests = _meter.CreateCounter<long>(RequestsInstrument, description: "HTTP function calls by function and status class.");
        _duration = _meter.CreateHistogram(DurationInstrument, "ms", "HTTP function latency.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyHistogram.UpperBounds });
    }

    public void Record(string function, int statusCode, TimeSpan elapsed)
    {
        var milliseconds = elapsed.TotalMilliseconds;
        _aggregator.Record(function, statusCode, milliseconds, _time.GetUtcNow());
        var name = new KeyValuePair<string, object?>("function", function);
        if (_requests.Enabled)
        {
            _requests.Add(1, name, new KeyValuePair<string, object?>("status_class", StatusClasses[Math.Clamp(statusCode / 100, 1, 5) - 1]));
        }
        if (_duration.Enabled)
        {
            _duration.Record(milliseconds, name);
        }
    }

    public void Dispose() => _meter.Dispose();
}
