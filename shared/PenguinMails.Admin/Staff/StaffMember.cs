namespace PenguinMails.Admin.Staff;

/// <summary>
/// A platform administrator. <see cref="SecurityStamp"/> changes whenever their access shrinks, which
/// invalidates every session issued under the old stamp.
/// </summary>
public sealed record StaffMember(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    StaffStatus Status,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt);
