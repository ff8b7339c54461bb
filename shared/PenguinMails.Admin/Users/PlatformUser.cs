namespace PenguinMails.Admin.Users;

/// <summary>A user of the mail platform (a customer's user), who belongs to exactly one tenant.</summary>
public sealed record PlatformUser(
    string Id,
    string TenantId,
    string Email,
    string DisplayName,
    string Role,
    PlatformUserStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt,
    DateTimeOffset? BannedAt);
