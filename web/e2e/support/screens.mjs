// The main screens, for the accessibility and screenshot pass. `pending` names the API issue a screen still waits
// for: until it lands the screen must say "Not available on this server yet". Drop the flag when it lands.
export const mainScreens = [
  { name: "dashboard", path: "/dashboard", heading: "Dashboard", pending: "workflows (issue 4)" },
  { name: "users-staff", path: "/dashboard/users?tab=staff", heading: "Users & staff" },
  { name: "staff-detail", path: (ids) => `/dashboard/users/staff/${ids.staff}`, heading: "Morgan Screens" },
  { name: "users-platform", path: "/dashboard/users?tab=users", heading: "Users & staff", pending: "platform users (issue 5)" },
  { name: "tenants", path: "/dashboard/tenants", heading: "Tenants", pending: "tenants, flags, settings (issue 5)" },
  { name: "finance", path: "/dashboard/finance?tab=transactions", heading: "Finance" },
  { name: "finance-tickets", path: "/dashboard/finance?tab=tickets", heading: "Finance", pending: "tickets (issue 4)" },
  { name: "secrets", path: "/admin/secrets", heading: "Secrets" },
  { name: "workflows", path: "/workflows", heading: "Workflows", pending: "workflows (issue 4)" },
  { name: "security", path: "/security", heading: "Security" },
  { name: "audit", path: "/audit", heading: "Audit log" },
  { name: "reports", path: "/reports", heading: "Reports" },
  { name: "account", path: "/account", heading: "My account" },
];
