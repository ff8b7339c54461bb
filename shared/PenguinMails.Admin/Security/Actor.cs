namespace PenguinMails.Admin.Security;

/// <summary>Who is acting, from where, in which request: what every audit event and guard needs.</summary>
public sealed record Actor(
    string Id,
    string Email,
    IReadOnlyList<string> Roles,
    IReadOnlySet<string> Permissions,
    string? SessionId,
    string? IpAddress,
    string? UserAgent,
    string? CorrelationId)
{
    public bool Has(string permission) => Permissions.Contains(permission);

    /// <summary>The platform itself, for timers and workflows.</summary>
    public static Actor System(string component, string? correlationId = null) =>
        new("system:" + component, component, [], new HashSet<string>(), null, null, null, correlationId);
}
