namespace PenguinMails.Admin.Users;

/// <summary>The roles a platform user can hold inside their tenant.</summary>
public static class PlatformUserRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Billing = "billing";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Owner, Admin, Member, Billing, Viewer];

    public static bool Exists(string? role) => role is not null && All.Contains(role);

    public static string Describe() => string.Join(", ", All);
}
