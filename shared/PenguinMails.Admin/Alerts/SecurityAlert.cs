namespace PenguinMails.Admin.Alerts;

/// <summary>
/// A raised alert. <see cref="CreatedAt"/> is when the triggering activity happened, so re-detecting the same activity
/// yields the same alert. <see cref="AuditEventId"/> and <see cref="Published"/> record how far raising got.
/// </summary>
public sealed record SecurityAlert(
    string Id,
    string Type,
    AlertSeverity Severity,
    string Summary,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset RaisedAt,
    string? Subject,
    string? ActorId,
    string? IpAddress,
    IReadOnlyList<string> EventIds,
    IReadOnlyDictionary<string, string> Details,
    string? AuditEventId,
    bool Published);
