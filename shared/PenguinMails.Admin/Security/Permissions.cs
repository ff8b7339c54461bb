namespace PenguinMails.Admin.Security;

/// <summary>Every permission an endpoint can require. Roles grant sets of these in <see cref="RoleCatalog"/>.</summary>
public static class Permissions
{
    public const string StaffRead = "staff.read";
    public const string StaffManage = "staff.manage";
    public const string StaffRoles = "staff.roles";
    public const string StaffSessionsRevoke = "staff.sessions.revoke";
    public const string StaffOffboard = "staff.offboard";
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string UsersBan = "users.ban";
    public const string UsersBulkEdit = "users.bulk-edit";
    public const string UsersChangeRole = "users.change-role";
    public const string UsersExport = "users.export";
    public const string TenantsRead = "tenants.read";
    public const string TenantsManage = "tenants.manage";
    public const string TenantsApprove = "tenants.approve";
    public const string FlagsRead = "flags.read";
    public const string FlagsManage = "flags.manage";
    public const string SettingsRead = "settings.read";
    public const string SettingsManage = "settings.manage";
    public const string SecretsRead = "secrets.read";
    public const string SecretsManage = "secrets.manage";
    public const string SecretsReveal = "secrets.reveal";
    public const string AuditRead = "audit.read";
    public const string AuditExport = "audit.export";
    public const string SecurityRead = "security.read";
    public const string ReportsRead = "reports.read";
    public const string ReportsManage = "reports.manage";
    public const string FinanceRead = "finance.read";
    public const string FinanceManage = "finance.manage";
    public const string TicketsRead = "tickets.read";
    public const string TicketsManage = "tickets.manage";
    public const string WorkflowsRead = "workflows.read";
    public const string WorkflowsManage = "workflows.manage";
    public const string MonitoringRead = "monitoring.read";
    public const string AnalyticsRead = "analytics.read";

    /// <summary>Any signed-in staff member: for /me and one's own sessions.</summary>
    public const string Authenticated = "session";

    public static IReadOnlyList<string> All { get; } = typeof(Permissions).GetFields()
        .Where(f => f.IsLiteral && f.Name != nameof(Authenticated)).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
