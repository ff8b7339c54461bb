namespace PenguinMails.Admin.Audit;

/// <summary>Filters for the audit log. Actor and target queries use index rows, never a scan.</summary>
public sealed record AuditQuery(string? ActorId, string? TargetId, string? Action, DateTimeOffset? From, DateTimeOffset? To);
