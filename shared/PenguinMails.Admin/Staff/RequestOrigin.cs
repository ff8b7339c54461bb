namespace PenguinMails.Admin.Staff;

/// <summary>Where a request came from, for sessions, throttling and audit.</summary>
public sealed record RequestOrigin(string? IpAddress, string? UserAgent, string? CorrelationId);
