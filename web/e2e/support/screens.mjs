// The main screens, for the accessibility and screenshot pass. `pending` names the API issue a screen still waits
// for: until it lands the screen must say "Not available on this server yet". Drop the flag when it lands.
export const mainScreens = [
  { name: "dashboard", path: "/dashboard", heading: "Dashboard" },
  { name: "users-staff", path: "/dashboard/users?tab=staff", heading: "Users & staff" },
  { name: "staff-detail", path: (ids) => `/dashboard/users/staff/${ids.staff}`, heading: "Morgan Screens" },
  { name: "users-platform", path: "/dashboard/users?tab=users", heading: "Users & staff" },
  { name: "tenants", path: "/dashboard/tenants", heading: "Tenants" },
  { name: "finance", path: "/dashboard/finance?tab=transactions", heading: "Finance" },
  { name: "finance-tickets", path: "/dashboard/finance?tab=tickets", heading: "Finance" },
  { name: "secrets", path: "/admin/secrets", heading: "Secrets" },
  { name: "workflows", path: "/workflows", heading: "Workflows" },
  { name: "security", path: "/security", heading: "Security" },
  { name: "audit", path: "/audit", heading: "Audit log" },
  { name: "reports", path: "/reports", heading: "Reports" },
  { name: "account", path: "/account", heading: "My account" },
];
