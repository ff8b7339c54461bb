using static PenguinMails.Admin.Security.Permissions;

namespace PenguinMails.Admin.Security;

/// <summary>The one place that maps roles to permissions.</summary>
public static class RoleCatalog
{
    public const string SuperAdmin = "super-admin";
    public const string Admin = "admin";
    public const string UserManager = "user-manager";
    public const string SupportAgent = "support-agent";
    public const string Finance = "finance";
    public const string SecurityOfficer = "security-officer";
    public const string Auditor = "auditor";

    public static IReadOnlyList<Role> Roles { get; } =
    [
        new(SuperAdmin, "Everything, including secrets and staff roles.", Set(Permissions.All)),
        new(Admin, "Runs the platform day to day: staff, users, tenants, configuration. Cannot reveal secrets.",
            Set(Permissions.All.Except([SecretsReveal, SecretsManage]))),
        new(UserManager, "Team lead for user support: manage, ban, bulk edit and change the role of platform users.",
            Set([UsersRead, UsersManage, UsersBan, UsersBulkEdit, UsersChangeRole, UsersExport, TenantsRead, TicketsRead, TicketsManage, WorkflowsRead])),
        new(SupportAgent, "Helps customers: reads users and tenants, edits users (not their role), works tickets.",
            Set([UsersRead, UsersManage, TenantsRead, TicketsRead, TicketsManage, FlagsRead])),
        new(Finance, "Billing, reconciliation, refunds and disputes.",
            Set([FinanceRead, FinanceManage, TenantsRead, TicketsRead, TicketsManage, WorkflowsRead])),
        new(SecurityOfficer, "Access control, secrets, the audit log, sign-in monitoring and compliance reports.",
            Set([StaffRead, StaffSessionsRevoke, StaffOffboard, SecretsRead, SecretsManage, SecretsReveal, AuditRead, AuditExport,
                SecurityRead, ReportsRead, ReportsManage, WorkflowsRead, WorkflowsManage, MonitoringRead, TicketsRead, TicketsManage])),
        new(Auditor, "Read-only access to the audit log and compliance reports.",
            Set([AuditRead, AuditExport, ReportsRead, SecurityRead, StaffRead])),
    ];

    public static Role? Find(string name) => Roles.FirstOrDefault(r => r.Name == name);

    public static bool Exists(string name) => Find(name) is not null;

    /// <summary>
    /// The union of the roles' permissions. A session asks this on every request, so the answer for one role (the
    /// usual case) is the role's own set, and only combinations are built.
    /// </summary>
    public static IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles)
    {
        if (roles is IReadOnlyList<string> { Count: 1 } one)
        {
            return Find(one[0])?.Permissions ?? Empty;
        }
        return roles.Select(Find).Where(r => r is not null).SelectMany(r => r!.Permissions).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();

    private static HashSet<string> Set(IEnumerable<string> permissions) => permissions.ToHashSet(StringComparer.Ordinal);
}
