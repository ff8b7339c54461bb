namespace PenguinMails.Admin.Users;

/// <summary>
/// Search filter: tenant, status, role, a case-insensitive prefix of the email or the display name, a creation
/// window [CreatedAfter, CreatedBefore) and an email domain (the part after '@', exact and case-insensitive).
/// </summary>
public sealed record UserFilter(string? TenantId, PlatformUserStatus? Status, string? Role, string? Query, DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null, string? EmailDomain = null)
{
    public static UserFilter None { get; } = new(null, null, null, null);

    /// <summary>True when at least one criterion is set (a bulk operation never runs over "every user").</summary>
    public bool HasCriteria => this != None;

    public bool Matches(PlatformUser user) =>
        (TenantId is null || user.TenantId == TenantId)
        && (Status is null || user.Status == Status)
        && (Role is null || user.Role == Role)
        && (CreatedAfter is null || user.CreatedAt >= CreatedAfter)
        && (CreatedBefore is null || user.CreatedAt < CreatedBefore)
        && (EmailDomain is null || user.Email.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase))
        && (Query is null || SearchText.Of(user.Email).StartsWith(SearchText.Of(Query), StringComparison.Ordinal)
            || SearchText.Of(user.DisplayName).StartsWith(SearchText.Of(Query), StringComparison.Ordinal));
}
