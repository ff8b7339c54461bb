namespace PenguinMails.Admin.Users;

/// <summary>Search filter: tenant, status, role, and a case-insensitive prefix of the email or the display name.</summary>
public sealed record UserFilter(string? TenantId, PlatformUserStatus? Status, string? Role, string? Query)
{
    public static UserFilter None { get; } = new(null, null, null, null);

    public bool Matches(PlatformUser user) =>
        (TenantId is null || user.TenantId == TenantId)
        && (Status is null || user.Status == Status)
        && (Role is null || user.Role == Role)
        && (Query is null || SearchText.Of(user.Email).StartsWith(SearchText.Of(Query), StringComparison.Ordinal)
            || SearchText.Of(user.DisplayName).StartsWith(SearchText.Of(Query), StringComparison.Ordinal));
}
