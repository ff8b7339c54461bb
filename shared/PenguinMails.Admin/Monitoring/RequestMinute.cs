namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// One instance's requests to one HTTP function in one minute: counts by outcome and the latency histogram.
/// Rows from every instance add up to the function's figures for that minute.
/// </summary>
public sealed record RequestMinute(
    DateTimeOffset Minute,
    string Function,
    string Instance,
    long Requests,
    long ClientErrors,
    long ServerErrors,
    LatencyHistogram Latency);
