using PenguinMails.Admin.Common;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Monitoring.Series;

namespace PenguinMails.Functions.Monitoring;

/// <summary>
/// GET /monitoring/series <c>?metric=&amp;name=&amp;from=&amp;to=&amp;step=minute|hour</c>: one metric's points over a bounded
/// range. Without <c>to</c> it ends now; without <c>from</c> it covers the
/// last 60 minutes or 24 hours, the current one included.
/// </summary>
public static class SeriesEndpoint
{
    public static async Task<Ok<SeriesResponse>> GetSeries(MonitoringFlusher flusher, MonitoringSeries series, MonitoredQueues queues, TimeProvider time,
        string? metric, string? name, DateTimeOffset? from, DateTimeOffset? to, string? step, CancellationToken cancellationToken)
    {
        var query = Validate(series, queues, time.GetUtcNow(), metric, name, from, to, step);
        await flusher.FlushAsync(cancellationToken);
        var points = await series.GetAsync(query, cancellationToken);
        return TypedResults.Ok(new SeriesResponse(SeriesMetrics.Name(query.Metric), query.Name, query.Step.ToString().ToLowerInvariant(), query.From,
            query.To, SeriesMetrics.Unit(query.Metric), points.Select(p => new SeriesPointResponse(p.Time, p.Value)).ToList()));
    }

    private static SeriesQuery Validate(MonitoringSeries series, MonitoredQueues queues, DateTimeOffset now, string? metric, string? name,
        DateTimeOffset? from, DateTimeOffset? to, string? step)
    {
        var parsed = SeriesMetrics.Parse(metric)
            ?? throw AdminException.Validation("metric", $"metric must be one of: {string.Join(", ", SeriesMetrics.Names)}.");
        var width = step?.ToLowerInvariant() switch
        {
            null or "" or "minute" => SeriesStep.Minute,
            "hour" => SeriesStep.Hour,
            _ => throw AdminException.Validation("step", "step must be 'minute' or 'hour'."),
        };
        var end = (to ?? now).ToUniversalTime();
        var start = (from ?? DefaultFrom(width, end)).ToUniversalTime();
        var maxRange = width == SeriesStep.Minute ? SeriesQuery.MaxMinuteRange : SeriesQuery.MaxHourRange;
        var family = SeriesMetrics.Family(parsed);
        var known = family == SeriesFamily.Queues ? queues.Names : series.NamesOf(family);
        new Validator()
            .When(start > end, "from", "from must not be after to.")
            .When(end - start > maxRange, "from", width == SeriesStep.Minute
                ? "Ask for at most 24 hours per minute; use step=hour for longer ranges."
                : "Ask for at most 7 days per hour.")
            .When(name is not null && !known.Contains(name), "name", $"'{Shorten(name)}' is not a {Noun(family)} this app monitors.")
            .ThrowIfInvalid();
        return new SeriesQuery(parsed, name, start, end, width);
    }

    /// <summary>The current bucket and the 59 minutes or 23 hours before it, as the job and metric reports count.</summary>
    private static DateTimeOffset DefaultFrom(SeriesStep step, DateTimeOffset end) => step == SeriesStep.Minute
        ? MinuteClock.Minute(end).AddMinutes(1 - MonitoringReports.LongWindowMinutes)
        : MinuteClock.Hour(end).AddHours(1 - MonitoringReports.DayWindowHours);

    private static string Noun(SeriesFamily family) => family switch
    {
        SeriesFamily.Requests => "HTTP function",
        SeriesFamily.Queues => "queue",
        SeriesFamily.Jobs => "timer or queue function",
        _ => "workflow type",
    };

    private static string Shorten(string? name) => name is { Length: > 80 } ? name[..80] + "…" : name ?? "";
}

/// <summary>GET /monitoring/series: the metric, its unit (count, ms, messages, seconds) and one point per bucket, oldest first.</summary>
public sealed record SeriesResponse(string Metric, string? Name, string Step, DateTimeOffset From, DateTimeOffset To, string Unit,
    IReadOnlyList<SeriesPointResponse> Points);

/// <summary>A bucket's start and value; null when nothing was measured in it.</summary>
public sealed record SeriesPointResponse(DateTimeOffset Time, double? Value);
