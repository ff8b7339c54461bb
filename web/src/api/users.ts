import { api, body, download, ifMatch, versioned } from "./client";
import type { UserFilters } from "./types";

export function listUsers(filters: UserFilters, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/users", { params: { query: { ...filters, cursor } }, signal }));
}

export function getUser(id: string, signal?: AbortSignal) {
  return versioned(api.GET("/api/users/{id}", { params: { path: { id } }, signal }));
}

export function createUser(input: { tenantId: string; email: string; displayName: string; role: string; reason?: string }) {
  return body(api.POST("/api/users", { body: input }));
}

export function updateUser(id: string, changes: { displayName?: string; role?: string; email?: string; reason?: string }, etag: string | null) {
  return versioned(api.PATCH("/api/users/{id}", { params: { path: { id }, header: ifMatch(etag) }, body: changes }));
}

export function banUser(id: string, reason: string) {
  return body(api.POST("/api/users/{id}/ban", { params: { path: { id } }, body: { reason } }));
}

export function unbanUser(id: string, reason: string) {
  return body(api.POST("/api/users/{id}/unban", { params: { path: { id } }, body: { reason } }));
}

export function revokeUserSessions(id: string, reason: string) {
  return body(api.POST("/api/users/{id}/sessions/revoke", { params: { path: { id } }, body: { reason } }));
}

export function exportUsers(filters: UserFilters) {
  return download(api.GET("/api/users/export", { params: { query: { ...filters, format: "csv" } }, parseAs: "blob" }), "users.csv");
}

/** The roles a platform user can hold inside their tenant (PlatformUserRoles.cs); the API refuses any other. */
export const platformUserRoles = ["owner", "admin", "member", "billing", "viewer"] as const;

/** API.md caps one bulk call at 10,000 ids. */
export const bulkLimit = 10_000;
