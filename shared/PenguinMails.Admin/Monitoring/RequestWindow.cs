namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// One HTTP function's requests over a window, summed across instances. Error rates are percentages of requests:
/// server errors (5xx) and, separately, client errors (4xx). Percentiles are null without requests.
/// </summary>
public sealed record RequestWindow(
    long Requests,
    double RequestsPerMinute,
    long ServerErrors,
    long ClientErrors,
    double ErrorRatePercent,
    double ClientErrorRatePercent,
    double? P50Ms,
    double? P95Ms)
{
    public static RequestWindow From(IEnumerable<RequestMinute> rows, int minutes)
    {
        long requests = 0, server = 0, client = 0;
        var latency = new LatencyHistogram();
        foreach (var row in rows)
        {
            requests += row.Requests;
            server += row.ServerErrors;
            client += row.ClientErrors;
            latency.Merge(row.Latency);
        }
        return new RequestWindow(requests, Math.Round(requests / (double)minutes, 2), server, client, Percent(server, requests),
            Percent(client, requests), latency.Percentile(0.50), latency.Percentile(0.95));
    }

    private static double Percent(long part, long total) => total == 0 ? 0 : Math.Round(100.0 * part / total, 2);
}
