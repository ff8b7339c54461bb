namespace PenguinMails.Admin.Users;

/// <summary>
/// A user of the mail platform (a customer's user), who belongs to exactly one tenant. <paramref name="LastBulkBatch"/>
/// names the bulk batch ("{operation}:{batch}") that last changed the user, written with the change itself, so a
/// batch that runs again after a crash recognises its own writes and never applies them twice.
/// </summary>
public sealed record PlatformUser(
    string Id,
    string TenantId,
    string Email,
    string DisplayName,
    string Role,
    PlatformUserStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt,
    DateTimeOffset? BannedAt,
    string? LastBulkBatch = null);
