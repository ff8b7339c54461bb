using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Compliance;

/// <summary>
/// Which permissions auditors track holder by holder, and which people count as privileged: those who can change
/// who has access (staff roles) or read secrets. Reports and the sign-in monitor share this one definition.
/// </summary>
public static class PrivilegedAccess
{
    public static IReadOnlyList<string> SensitivePermissions { get; } =
    [
        Permissions.StaffRoles, Permissions.StaffManage, Permissions.StaffOffboard, Permissions.SecretsReveal, Permissions.SecretsManage,
        Permissions.SettingsManage, Permissions.UsersBan, Permissions.UsersBulkEdit, Permissions.UsersExport, Permissions.TenantsApprove,
        Permissions.FinanceManage, Permissions.AuditExport, Permissions.WorkflowsManage,
    ];

    private static readonly string[] PrivilegeGranting =
        [Permissions.StaffRoles, Permissions.StaffManage, Permissions.SecretsReveal, Permissions.SecretsManage, Permissions.SettingsManage];

    public static bool IsPrivileged(IEnumerable<string> roles)
    {
        var granted = RoleCatalog.PermissionsOf(roles);
        return PrivilegeGranting.Any(granted.Contains);
    }
}
