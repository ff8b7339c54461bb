namespace PenguinMails.Admin.Users;

/// <summary>What each bulk action does to one user, and what the audit event records of it.</summary>
public static class BulkUserChanges
{
    /// <summary>The user after the action; the same user when there is nothing to do.</summary>
    public static PlatformUser Apply(BulkUserCommand command, PlatformUser user, DateTimeOffset now) => command.Action switch
    {
        BulkUserAction.ChangeRole => user with { Role = command.Role! },
        BulkUserAction.Ban when user.Status == PlatformUserStatus.Banned => user,
        BulkUserAction.Ban => user with { Status = PlatformUserStatus.Banned, BannedAt = now },
        BulkUserAction.Unban => user with { Status = PlatformUserStatus.Active, BannedAt = null },
        BulkUserAction.MoveTenant => user with { TenantId = command.TenantId! },
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>The audited part of a user for the action (its role, its tenant, or its status).</summary>
    public static object Audited(PlatformUser u, BulkUserAction action) => action switch
    {
        BulkUserAction.ChangeRole => new { u.Role },
        BulkUserAction.MoveTenant => new { u.TenantId },
        _ => new { Status = u.Status.ToString().ToLowerInvariant() },
    };

    public static string ActionName(BulkUserAction action) => action switch
    {
        BulkUserAction.ChangeRole => "change-role",
        BulkUserAction.MoveTenant => "move-tenant",
        _ => action.ToString().ToLowerInvariant(),
    };

    public const string NotFound = "not_found: no such user.";

    public static string EffectsFailed(Exception e) =>
        $"effects_failed: the change is saved, but revoking sessions or publishing its event failed ({e.GetType().Name}); " +
        "ban the user again or revoke their sessions to retry.";
}
