namespace PenguinMails.Admin.Users;

/// <summary>A bulk operation: the action, the users, its parameter (the role or the target tenant), why, and whether to only preview it.</summary>
public sealed record BulkUserCommand(BulkUserAction Action, IReadOnlyList<string> UserIds, string? Role, string? TenantId, string? Reason, bool DryRun)
{
    public const int MaxUsers = 10_000;
}
