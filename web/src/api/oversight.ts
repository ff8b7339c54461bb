import { api, body, download } from "./client";
import type { AuditFilters, ReportType } from "./types";

export function listAuditEvents(filters: AuditFilters, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/audit", { params: { query: { ...filters, cursor } }, signal }));
}

export function verifyAudit(range: { from?: string; to?: string }) {
  return body(api.GET("/api/audit/verify", { params: { query: range } }));
}

export function exportAudit(format: "csv" | "jsonl", range: { from?: string; to?: string }) {
  return download(api.GET("/api/audit/export", { params: { query: { ...range, format } }, parseAs: "blob" }), `audit.${format}`);
}

export function listLogins(filters: { outcome?: "succeeded" | "failed"; from?: string; to?: string }, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/security/logins", { params: { query: { ...filters, cursor } }, signal }));
}

export function listAlerts(cursor: string | undefined, signal: AbortSignal, pageSize?: number) {
  return body(api.GET("/api/security/alerts", { params: { query: { cursor, pageSize } }, signal }));
}

export const reportTypes: readonly ReportType[] = ["weekly-access", "monthly-security", "quarterly-access-review"];

export function listReports(type: string | undefined, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/reports", { params: { query: { type, cursor } }, signal }));
}

export function createReport(type: ReportType, periodStart: string) {
  return body(api.POST("/api/reports", { body: { type, periodStart } }));
}

export function getReport(id: string, signal?: AbortSignal) {
  return body(api.GET("/api/reports/{id}", { params: { path: { id } }, signal }));
}

export async function getReportHtml(id: string, signal?: AbortSignal): Promise<string> {
  const html = await body(api.GET("/api/reports/{id}/content", { params: { path: { id }, query: { format: "html" } }, parseAs: "text", signal }));
  return String(html ?? "");
}

export function downloadReportCsv(id: string) {
  return download(api.GET("/api/reports/{id}/content", { params: { path: { id }, query: { format: "csv" } }, parseAs: "blob" }), `report-${id}.csv`);
}

/** Liveness of the API itself (anonymous); component health is the monitoring endpoint's. */
export function getLiveness(signal?: AbortSignal) {
  return body(api.GET("/api/health", { signal }));
}

export function getMonitoringHealth(signal?: AbortSignal) {
  return body(api.GET("/api/monitoring/health", { signal }));
}

export function getMonitoringQueues(signal?: AbortSignal) {
  return body(api.GET("/api/monitoring/queues", { signal }));
}

export function getMonitoringJobs(signal?: AbortSignal) {
  return body(api.GET("/api/monitoring/jobs", { signal }));
}

export function getMonitoringMetrics(signal?: AbortSignal) {
  return body(api.GET("/api/monitoring/metrics", { signal }));
}

/** The metrics GET /api/monitoring/series charts (docs/monitoring.md). */
export type SeriesMetricName =
  | "requests" | "4xx" | "5xx" | "p95" | "queue-depth" | "queue-oldest-age" | "job-runs" | "job-failures"
  | "workflow-starts" | "workflow-completions" | "workflow-failures";

/** One metric's points over the last hour (per minute) or the last 24 hours (per hour), the current bucket included. */
export function getMonitoringSeries(metric: SeriesMetricName, window: "hour" | "day", signal?: AbortSignal, name?: string) {
  const step = window === "hour" ? "minute" : "hour";
  return body(api.GET("/api/monitoring/series", { params: { query: { metric, step, name } }, signal }));
}
