import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Navigate, Route, Routes } from "react-router";
import { AppShell } from "./AppShell";
import { navigation, type Screen } from "./auth/permissions";
import { RequireAuth, RequireScreen } from "./auth/RequireAuth";
import { useAccess } from "./auth/useAuth";
import { Loading, PageHeader } from "./components/Layout";

// Each screen is its own chunk: the first page loads only the shell and the screen it shows.
const SignInPage = lazy(() => import("./pages/SignInPage"));
const DashboardPage = lazy(() => import("./pages/dashboard/DashboardPage"));
const UsersPage = lazy(() => import("./pages/users/UsersPage"));
const StaffDetailPage = lazy(() => import("./pages/users/StaffDetailPage"));
const PlatformUserDetailPage = lazy(() => import("./pages/users/PlatformUserDetailPage"));
const TenantsPage = lazy(() => import("./pages/tenants/TenantsPage"));
const TenantDetailPage = lazy(() => import("./pages/tenants/TenantDetailPage"));
const FinancePage = lazy(() => import("./pages/finance/FinancePage"));
const TicketDetailPage = lazy(() => import("./pages/finance/TicketDetailPage"));
const SecretsPage = lazy(() => import("./pages/secrets/SecretsPage"));
const AuditPage = lazy(() => import("./pages/audit/AuditPage"));
const SecurityPage = lazy(() => import("./pages/security/SecurityPage"));
const ReportsPage = lazy(() => import("./pages/reports/ReportsPage"));
const ReportDetailPage = lazy(() => import("./pages/reports/ReportDetailPage"));
const WorkflowsPage = lazy(() => import("./pages/workflows/WorkflowsPage"));
const WorkflowDetailPage = lazy(() => import("./pages/workflows/WorkflowDetailPage"));
const AccountPage = lazy(() => import("./pages/AccountPage"));

function screen(name: Screen, Page: LazyExoticComponent<ComponentType>) {
  return (
    <RequireScreen screen={name}>
      <Page />
    </RequireScreen>
  );
}

/** "/" goes to the first screen this staff member may see. */
function Home() {
  const { canSee } = useAccess();
  const first = navigation.find((item) => canSee(item.screen));
  return <Navigate to={first?.to ?? "/account"} replace />;
}

function NotFound() {
  return <PageHeader title="Page not found" description="There is nothing at this address. Use the navigation to find your way." />;
}

export function App() {
  return (
    <Routes>
      <Route
        path="/sign-in"
        element={
          <Suspense fallback={<Loading />}>
            <SignInPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route path="dashboard" element={screen("dashboard", DashboardPage)} />
        <Route path="dashboard/users" element={screen("users", UsersPage)} />
        <Route path="dashboard/users/staff/:id" element={screen("users", StaffDetailPage)} />
        <Route path="dashboard/users/platform/:id" element={screen("users", PlatformUserDetailPage)} />
        <Route path="dashboard/tenants" element={screen("tenants", TenantsPage)} />
        <Route path="dashboard/tenants/:id" element={screen("tenants", TenantDetailPage)} />
        <Route path="dashboard/finance" element={screen("finance", FinancePage)} />
        <Route path="dashboard/finance/tickets/:id" element={screen("finance", TicketDetailPage)} />
        <Route path="admin/secrets" element={screen("secrets", SecretsPage)} />
        <Route path="audit" element={screen("audit", AuditPage)} />
        <Route path="security" element={screen("security", SecurityPage)} />
        <Route path="reports" element={screen("reports", ReportsPage)} />
        <Route path="reports/:id" element={screen("reports", ReportDetailPage)} />
        <Route path="workflows" element={screen("workflows", WorkflowsPage)} />
        <Route path="workflows/:id" element={screen("workflows", WorkflowDetailPage)} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
