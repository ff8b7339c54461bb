/**
 * Wire types, derived from the paths of the generated schema rather than from component names,
 * so the SPA follows the operations it calls even when the back end renames its schemas.
 */
import type { paths } from "./schema";

type Json<R> = R extends { content: { "application/json": infer T } } ? T : never;
type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];

export type ResponseOf<P extends keyof paths, M extends keyof paths[P], S extends number = 200> =
  Op<P, M> extends { responses: infer R } ? (S extends keyof R ? Json<R[S]> : never) : never;
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
export type ItemOf<Page> = Page extends { items: (infer I)[] } ? I : never;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type CurrentStaff = ResponseOf<"/api/me", "get">;
export type AuthConfig = ResponseOf<"/api/auth/config", "get">;
export type Session = ResponseOf<"/api/me/sessions", "get">[number];
export type Staff = ResponseOf<"/api/staff/{id}", "get">;
export type StaffStatus = Staff["status"];
export type StaffFilters = QueryOf<"/api/staff", "get">;
export type Role = ResponseOf<"/api/roles", "get">[number];
export type WorkflowAccepted = ResponseOf<"/api/staff/{id}/offboard", "post", 202>;
export type PlatformUser = ResponseOf<"/api/users/{id}", "get">;
export type UserFilters = QueryOf<"/api/users", "get">;
export type BulkRequest = BodyOf<"/api/users/bulk", "post">;
export type BulkResponse = ResponseOf<"/api/users/bulk", "post">;
export type BulkAction = BulkRequest["action"];
export type Tenant = ResponseOf<"/api/tenants/{id}", "get">;
export type TenantStatus = Tenant["status"];
export type TenantSettingsBody = BodyOf<"/api/tenants/{id}/settings", "put">;
export type TenantBillingBody = BodyOf<"/api/tenants/{id}/billing", "put">;
export type CommunicationPreferencesBody = BodyOf<"/api/tenants/{id}/communication-preferences", "put">;
export type FeatureFlag = ResponseOf<"/api/flags/{key}", "get">;
export type FlagBody = BodyOf<"/api/flags", "post">;
export type FlagEvaluation = ResponseOf<"/api/flags/evaluate", "get">;
export type SettingsSection = ResponseOf<"/api/settings/{section}", "get">;
export type SettingsSectionName = SettingsSection["section"];
export type SettingsVersion = ItemOf<ResponseOf<"/api/settings/{section}/versions", "get">>;
export type SecretMetadata = ItemOf<ResponseOf<"/api/admin/secrets", "get">>;
export type SecretVersion = ItemOf<ResponseOf<"/api/admin/secrets/{name}/versions", "get">>;
export type AuditEvent = ItemOf<ResponseOf<"/api/audit", "get">>;
export type AuditFilters = QueryOf<"/api/audit", "get">;
export type AuditVerification = ResponseOf<"/api/audit/verify", "get">;
export type LoginEvent = ItemOf<ResponseOf<"/api/security/logins", "get">>;
export type SecurityAlert = ItemOf<ResponseOf<"/api/security/alerts", "get">>;
export type Report = ResponseOf<"/api/reports/{id}", "get">;
export type ReportType = Report["type"];
export type TenantBillingOverview = ResponseOf<"/api/finance/tenants/{tenantId}/billing", "get">;
export type Transaction = ItemOf<ResponseOf<"/api/finance/transactions", "get">>;
export type Reconciliation = ResponseOf<"/api/finance/tenants/{tenantId}/reconcile", "get">;
export type Ticket = ResponseOf<"/api/tickets/{id}", "get">;
export type Workflow = ResponseOf<"/api/workflows/{id}", "get">;
export type RuntimeStatus = Workflow["runtimeStatus"];
export type MonitoringHealth = ResponseOf<"/api/monitoring/health", "get">;
export type MonitoringQueues = ResponseOf<"/api/monitoring/queues", "get">;
export type MonitoringJobs = ResponseOf<"/api/monitoring/jobs", "get">;
export type MonitoringMetrics = ResponseOf<"/api/monitoring/metrics", "get">;
export type MonitoringSeries = ResponseOf<"/api/monitoring/series", "get">;
