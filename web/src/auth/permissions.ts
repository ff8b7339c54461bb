/**
 * Every permission string the SPA checks, in one place. It mirrors shared/PenguinMails.Admin/Security/Permissions.cs;
 * keep the two aligned. The API stays the authority: hiding a control here only spares the user a 403.
 */
export const Permissions = {
  staffRead: "staff.read",
  staffManage: "staff.manage",
  staffRoles: "staff.roles",
  staffSessionsRevoke: "staff.sessions.revoke",
  staffOffboard: "staff.offboard",
  usersRead: "users.read",
  usersManage: "users.manage",
  usersBan: "users.ban",
  usersBulkEdit: "users.bulk-edit",
  usersExport: "users.export",
  tenantsRead: "tenants.read",
  tenantsManage: "tenants.manage",
  tenantsApprove: "tenants.approve",
  flagsRead: "flags.read",
  flagsManage: "flags.manage",
  settingsRead: "settings.read",
  settingsManage: "settings.manage",
  secretsRead: "secrets.read",
  secretsManage: "secrets.manage",
  secretsReveal: "secrets.reveal",
  auditRead: "audit.read",
  auditExport: "audit.export",
  reportsRead: "reports.read",
  reportsManage: "reports.manage",
  financeRead: "finance.read",
  financeManage: "finance.manage",
  ticketsRead: "tickets.read",
  ticketsManage: "tickets.manage",
  workflowsRead: "workflows.read",
  workflowsManage: "workflows.manage",
  monitoringRead: "monitoring.read",
  securityRead: "security.read",
} as const;

export type Permission = (typeof Permissions)[keyof typeof Permissions];

const P = Permissions;

/** A screen is shown when the staff member holds any one of its permissions. */
export const screenAccess = {
  dashboard: [P.monitoringRead, P.securityRead, P.workflowsRead],
  users: [P.staffRead, P.usersRead],
  tenants: [P.tenantsRead, P.flagsRead, P.settingsRead],
  secrets: [P.secretsRead],
  finance: [P.financeRead, P.ticketsRead],
  audit: [P.auditRead],
  security: [P.securityRead],
  reports: [P.reportsRead],
  workflows: [P.workflowsRead],
} as const satisfies Record<string, readonly Permission[]>;

export type Screen = keyof typeof screenAccess;

export interface NavItem {
  screen: Screen;
  to: string;
  label: string;
}

export const navigation: NavItem[] = [
  { screen: "dashboard", to: "/dashboard", label: "Dashboard" },
  { screen: "users", to: "/dashboard/users", label: "Users & staff" },
  { screen: "tenants", to: "/dashboard/tenants", label: "Tenants" },
  { screen: "finance", to: "/dashboard/finance", label: "Finance" },
  { screen: "secrets", to: "/admin/secrets", label: "Secrets" },
  { screen: "workflows", to: "/workflows", label: "Workflows" },
  { screen: "security", to: "/security", label: "Security" },
  { screen: "audit", to: "/audit", label: "Audit log" },
  { screen: "reports", to: "/reports", label: "Reports" },
];

export function hasAny(granted: readonly string[], required: readonly string[]): boolean {
  return required.some((permission) => granted.includes(permission));
}
