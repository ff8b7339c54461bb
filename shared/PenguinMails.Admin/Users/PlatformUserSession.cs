namespace PenguinMails.Admin.Users;

/// <summary>A platform user's session on the mail platform (not an admin session).</summary>
public sealed record PlatformUserSession(
    string Id,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt,
    string? IpAddress,
    string? UserAgent,
    DateTimeOffset? RevokedAt);
