namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>One bucket of a series: its start and its value, null when nothing was measured (no request for a latency, no queue sample).</summary>
public sealed record SeriesPoint(DateTimeOffset Time, double? Value);
