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

public sealed record BulkParameters(string? Role = null, string? TenantId = null);

/// <summary>action: change-role (parameters.role), ban, unban, or move-tenant (parameters.tenantId). Up to 10,000 user ids.</summary>
public sealed record BulkUserRequest(string Action, IReadOnlyList<string> UserIds, bool DryRun, BulkParameters? Parameters = null, string? Reason = null);

public sealed record BulkUserResultResponse(string UserId, string Outcome, string? Error);

public sealed record BulkSummaryResponse(int Total, int Changed, int Unchanged, int Failed);

public sealed record BulkUserResponse(bool DryRun, IReadOnlyList<BulkUserResultResponse> Results, BulkSummaryResponse Summary)
{
    public static BulkUserResponse From(BulkUserReport r) => new(r.DryRun,
        r.Results.Select(i => new BulkUserResultResponse(i.UserId, i.Outcome.ToString().ToLowerInvariant(), i.Error)).ToList(),
        new BulkSummaryResponse(r.Summary.Total, r.Summary.Changed, r.Summary.Unchanged, r.Summary.Failed));
}
