namespace PenguinMails.Admin.Staff;

/// <summary>A platform session. Only the SHA-256 of its token is stored.</summary>
public sealed record StaffSession(
    string Id,
    string StaffId,
    string TokenHash,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset AbsoluteExpiresAt,
    string? IpAddress,
    string? UserAgent,
    DateTimeOffset? RevokedAt);
