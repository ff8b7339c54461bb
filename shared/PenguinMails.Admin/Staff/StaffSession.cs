namespace PenguinMails.Admin.Staff;

/// <summary>
/// A platform session. Only the SHA-256 of its token is stored. <see cref="Roles"/> are the roles held at sign-in:
/// a session never gains a role added later (that takes a new sign-in). The row carries everything a request needs
/// (who, which roles, under which security stamp), so authentication is one point read; it stays valid only while
/// <see cref="RevokedAt"/> is null, because every change that shrinks the member's access revokes every session
/// first (see <see cref="ISessionStore"/>).
/// </summary>
public sealed record StaffSession(
    string Id,
    string StaffId,
    string Email,
    string TokenHash,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset AbsoluteExpiresAt,
    string? IpAddress,
    string? UserAgent,
    DateTimeOffset? RevokedAt,
    IReadOnlyList<string> Roles);
