namespace PenguinMails.Admin.Alerts;

/// <summary>Filters for the alert list; times are the alerts' <see cref="SecurityAlert.CreatedAt"/>.</summary>
public sealed record AlertQuery(DateTimeOffset? From, DateTimeOffset? To, string? Type, AlertSeverity? Severity);
