using PenguinMails.Admin.Staff;

namespace PenguinMails.Functions.Staff;

public sealed record StaffResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    public static StaffResponse From(StaffMember m) =>
        new(m.Id, m.Email, m.DisplayName, m.Roles, m.Status.ToString().ToLowerInvariant(), m.CreatedAt, m.LastLoginAt);
}

public sealed record CreateStaffRequest(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Reason = null);

public sealed record SetRolesRequest(IReadOnlyList<string> Roles, string? Reason = null);

public sealed record ReasonRequest(string? Reason = null);

public sealed record RevokedResponse(int Revoked);

public sealed record SessionResponse(string Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, string? Ip, string? UserAgent)
{
    public static SessionResponse From(StaffSession s) => new(s.Id, s.CreatedAt, s.LastSeenAt, s.AbsoluteExpiresAt, s.IpAddress, s.UserAgent);
}

public sealed record RoleResponse(string Name, string Description, IReadOnlyList<string> Permissions);
