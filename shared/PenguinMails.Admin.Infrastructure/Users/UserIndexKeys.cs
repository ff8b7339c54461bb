using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>One index row: its keys, and whether it indexes the user's email or name (for prefix search).</summary>
internal sealed record UserIndexKey(string PartitionKey, string RowKey, string? Field = null);

/// <summary>Where to look for a filter: a row-key range [From, To) of one index partition.</summary>
internal sealed record UserSearchPlan(string PartitionKey, string From, string To, string? Query);

/// <summary>
/// The index rows of a user, derived from the user row. Per tenant ("t|{tenantId}": all, by status, by role, by email
/// or name prefix) and across tenants ("s|{status}", "r|{role}", "q|{first letter}"). Each row only points at the user;
/// searches check every hit against the user row, so a stale index row can hide nothing and show nothing wrong.
/// </summary>
internal static class UserIndexKeys
{
    public const string TableName = "PlatformUserIndex";
    private const string AfterIds = "~"; // ids are hex, so '~' sorts after every id

    public static IReadOnlyList<UserIndexKey> Of(PlatformUser u)
    {
        var tenant = "t|" + u.TenantId;
        var status = Status(u.Status);
        var email = SearchText.Of(u.Email);
        var name = SearchText.Of(u.DisplayName);
        var keys = new List<UserIndexKey>
        {
            new(tenant, "a|" + u.Id),
            new(tenant, $"s|{status}|{u.Id}"),
            new(tenant, $"r|{u.Role}|{u.Id}"),
            new(tenant, $"q|{email}|{u.Id}", "email"),
            new("s|" + status, u.Id),
            new("r|" + u.Role, u.Id),
            new(QueryShard(email), $"{email}|{u.Id}", "email"),
        };
        if (name != email)
        {
            keys.Add(new(tenant, $"q|{name}|{u.Id}", "name"));
            keys.Add(new(QueryShard(name), $"{name}|{u.Id}", "name"));
        }
        return keys;
    }

    /// <summary>The most selective index for the filter: prefix, then role, then status, then tenant; null means "every user".</summary>
    public static UserSearchPlan? PlanFor(UserFilter f)
    {
        if (f.Query is not null)
        {
            var q = SearchText.Of(f.Query);
            var (from, to) = TableKeys.PrefixRange(f.TenantId is null ? q : "q|" + q);
            return new UserSearchPlan(f.TenantId is null ? QueryShard(q) : "t|" + f.TenantId, from, to, q);
        }
        if (f.Role is not null)
        {
            return f.TenantId is null ? All("r|" + f.Role) : Prefix("t|" + f.TenantId, $"r|{f.Role}|");
        }
        if (f.Status is { } status)
        {
            return f.TenantId is null ? All("s|" + Status(status)) : Prefix("t|" + f.TenantId, $"s|{Status(status)}|");
        }
        return f.TenantId is null ? null : Prefix("t|" + f.TenantId, "a|");
    }

    public static string IdOf(string rowKey) => rowKey[(rowKey.LastIndexOf('|') + 1)..];

    private static UserSearchPlan All(string partition) => new(partition, "", AfterIds, null);

    private static UserSearchPlan Prefix(string partition, string prefix)
    {
        var (from, to) = TableKeys.PrefixRange(prefix);
        return new UserSearchPlan(partition, from, to, null);
    }

    private static string QueryShard(string text) => "q|" + (text.Length > 0 && char.IsAsciiLetterOrDigit(text[0]) ? text[0] : '_');

    private static string Status(PlatformUserStatus status) => status.ToString().ToLowerInvariant();
}
