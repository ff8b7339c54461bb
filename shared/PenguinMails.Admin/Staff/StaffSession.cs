namespace PenguinMails.Admin.Staff;

/// <summary>
/// A platform session. Only the SHA-256 of its token is stored. <see cref="Roles"/> are the roles held at sign-in:
/// a session never gains a role added later (that takes a new sign-in), and loses removed ones at once.
/// </summary>
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
    DateTimeOffset? RevokedAt,
    IReadOnlyList<string> Roles);
