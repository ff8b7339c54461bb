using PenguinMails.Admin.Users;

namespace PenguinMails.Functions.Users;

public sealed record PlatformUserResponse(string Id, string TenantId, string Email, string DisplayName, string Role, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt, DateTimeOffset? BannedAt)
{
    public static PlatformUserResponse From(PlatformUser u) =>
        new(u.Id, u.TenantId, u.Email, u.DisplayName, u.Role, u.Status.ToString().ToLowerInvariant(), u.CreatedAt, u.LastLoginAt, u.BannedAt);
}

public sealed record CreateUserRequest(string TenantId, string Email, string DisplayName, string Role, string? Reason = null);

/// <summary>PATCH body: only these fields can be set. The tenant changes with the move-tenant bulk action, the status with ban and unban.</summary>
public sealed record UpdateUserRequest(string? DisplayName = null, string? Role = null, string? Email = null, string? Reason = null);

public sealed record UserReasonRequest(string? Reason = null);

public sealed record RevokedSessionsResponse(int Revoked);
