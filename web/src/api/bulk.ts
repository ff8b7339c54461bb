import { api, call } from "./client";
import type { BulkAction, BulkRequest, BulkResponse, ResponseOf } from "./types";

/** Users a bulk action selects by filter instead of by id (issue 18); every field narrows the match. */
export interface BulkFilter {
  tenantId?: string;
  status?: string;
  role?: string;
  createdAfter?: string;
  createdBefore?: string;
  emailDomain?: string;
}

/** The body of every 202 that starts a workflow (API.md: long-running operations). */
export type BulkAccepted = { workflowId: string; statusUrl: string };
export type BulkOutcome = { kind: "done"; response: BulkResponse & { summary: { matched?: number | null } } } | { kind: "started"; accepted: BulkAccepted };
export type ImportResponse = ResponseOf<"/api/tenants/{tenantId}/users/import", "post">;
export type ImportOutcome = { kind: "done"; response: ImportResponse } | { kind: "started"; accepted: BulkAccepted };
export type BulkProgressStatus = { done: number; total: number; changed: number; unchanged: number; failed: number };

const csvBody = { bodySerializer: (text: string) => text, headers: { "Content-Type": "text/csv" } } as const;

function outcome<T>(data: unknown, status: number): { kind: "done"; response: T } | { kind: "started"; accepted: BulkAccepted } {
  return status === 202 ? { kind: "started", accepted: data as BulkAccepted } : { kind: "done", response: data as T };
}

/**
 * POST /api/users/bulk with a filter: the served document still types ids only, so the filter body is sent as the
 * contract of issue 18 gives it. 200 with per-user results (and `summary.matched`), or 202 for a large real run.
 */
export async function bulkByFilter(request: Omit<BulkRequest, "userIds"> & { filter: BulkFilter }): Promise<BulkOutcome> {
  const { data, response } = await call(api.POST("/api/users/bulk", { body: request as unknown as BulkRequest }));
  return outcome(data, response.status);
}

/** POST /api/users/bulk by ids: 200 with per-user results, or 202 when a real run over more than 500 users runs as a workflow. */
export async function bulkByIds(request: BulkRequest): Promise<BulkOutcome> {
  const { data, response } = await call(api.POST("/api/users/bulk", { body: request }));
  return outcome(data, response.status);
}

export interface CsvBulkOptions {
  action: BulkAction;
  dryRun: boolean;
  reason: string;
  tenantId?: string;
  role?: string;
  targetTenantId?: string;
}

/** POST /api/users/bulk/csv: the file's `id` or `email` column selects the users. */
export async function bulkByCsv(csv: string, options: CsvBulkOptions): Promise<BulkOutcome> {
  const { data, response } = await call(api.POST("/api/users/bulk/csv", { params: { query: options }, body: csv, ...csvBody }));
  return outcome(data, response.status);
}

/** POST /api/tenants/{tenantId}/users/import: `email,displayName,role` rows; per-row errors, or `invalid_file` for the whole file. */
export async function importTenantUsers(tenantId: string, csv: string, options: { dryRun: boolean; reason: string }): Promise<ImportOutcome> {
  const { data, response } = await call(api.POST("/api/tenants/{tenantId}/users/import", {
    params: { path: { tenantId }, query: options }, body: csv, ...csvBody,
  }));
  return outcome(data, response.status);
}

export async function listBulkResults(workflowId: string, cursor: string | undefined, signal: AbortSignal) {
  return (await call(api.GET("/api/users/bulk/{workflowId}/results", { params: { path: { workflowId }, query: { cursor } }, signal }))).data;
}

/**
 * A users-bulk workflow's counts: its `progress` while it runs (the ApplyBulkBatch step's counts so far), and that
 * step's output once it has finished. Null before the first report.
 */
export function progressOf(workflow: { progress?: unknown; output?: unknown } | undefined): BulkProgressStatus | null {
  const output = workflow?.output && typeof workflow.output === "object" ? (workflow.output as Record<string, unknown>) : undefined;
  const value = workflow?.progress ?? output?.["ApplyBulkBatch"];
  if (!value || typeof value !== "object") return null;
  const status = value as Partial<BulkProgressStatus>;
  return typeof status.done === "number" && typeof status.total === "number"
    ? { done: status.done, total: status.total, changed: status.changed ?? 0, unchanged: status.unchanged ?? 0, failed: status.failed ?? 0 }
    : null;
}
