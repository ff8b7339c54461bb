namespace PenguinMails.Admin.Audit;

/// <summary>The first broken link that verification found: why (<see cref="AuditBreakReasons"/>), where, and in words.</summary>
public sealed record AuditBreak(string Reason, string? EventId, string? Segment, string Detail);
