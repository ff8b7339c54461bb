import { api, body } from "./client";
import type { RuntimeStatus, Workflow } from "./types";

export const terminalStatuses: readonly RuntimeStatus[] = ["Completed", "Failed", "Terminated"];

export function isFinished(status: RuntimeStatus | undefined): boolean {
  return status !== undefined && terminalStatuses.includes(status);
}

export function getWorkflow(id: string, signal?: AbortSignal): Promise<Workflow> {
  return body(api.GET("/api/workflows/{id}", { params: { path: { id } }, signal }));
}

/** 202 answers carry `{ workflowId, statusUrl }`; refunds and disputes may also answer with a plain resource. */
export function workflowIdOf(value: unknown): string | null {
  if (typeof value === "object" && value !== null && "workflowId" in value && typeof value.workflowId === "string") return value.workflowId;
  return null;
}

export const runtimeStatuses: readonly RuntimeStatus[] = ["Pending", "Running", "Waiting", "Completed", "Failed", "Terminated"];

export function listWorkflows(filters: { type?: string; status?: string }, cursor: string | undefined, signal: AbortSignal, pageSize?: number) {
  return body(api.GET("/api/workflows", { params: { query: { ...filters, cursor, pageSize } }, signal }));
}

export function raiseWorkflowEvent(id: string, name: string, payload: unknown) {
  return body(api.POST("/api/workflows/{id}/events/{name}", { params: { path: { id, name } }, body: payload }));
}

export function terminateWorkflow(id: string, reason: string) {
  return body(api.POST("/api/workflows/{id}/terminate", { params: { path: { id } }, body: { reason } }));
}
