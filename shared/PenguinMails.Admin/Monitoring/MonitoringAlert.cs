namespace PenguinMails.Admin.Monitoring;

public enum MonitoringAlertSeverity
{
    Warning,
    Critical,
}

/// <summary>
/// An operational alert. <see cref="DeduplicationKey"/> names the condition (for example <c>queue-poison|audit-index</c>):
/// the same condition is raised once, then again only after the renotify interval or once it cleared and came back.
/// <see cref="Recipients"/> are the <c>monitoring</c> section's alert emails, set by the evaluator when it raises.
/// </summary>
public sealed record MonitoringAlert(
    string Type,
    MonitoringAlertSeverity Severity,
    string Summary,
    DateTimeOffset OccurredAt,
    string DeduplicationKey,
    IReadOnlyDictionary<string, string> Details,
    IReadOnlyList<string>? Recipients = null)
{
    public const string Source = "monitoring";
    public const string EventType = "MonitoringAlertRaised";
}
