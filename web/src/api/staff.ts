import { api, body, ifMatch, versioned } from "./client";
import type { StaffFilters } from "./types";

export function listStaff(filters: StaffFilters, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/staff", { params: { query: { ...filters, cursor } }, signal }));
}

export function getStaff(id: string, signal?: AbortSignal) {
  return versioned(api.GET("/api/staff/{id}", { params: { path: { id } }, signal }));
}

export function createStaff(input: { email: string; displayName: string; roles: string[]; reason?: string }) {
  return body(api.POST("/api/staff", { body: input }));
}

export function replaceRoles(id: string, roles: string[], reason: string, etag: string | null) {
  return versioned(api.PUT("/api/staff/{id}/roles", { params: { path: { id } }, headers: ifMatch(etag), body: { roles, reason } }));
}

export function listStaffSessions(id: string, signal: AbortSignal) {
  return body(api.GET("/api/staff/{id}/sessions", { params: { path: { id } }, signal }));
}

export function revokeStaffSessions(id: string, reason: string) {
  return body(api.POST("/api/staff/{id}/sessions/revoke", { params: { path: { id } }, body: { reason } }));
}

export function suspendStaff(id: string, reason: string) {
  return body(api.POST("/api/staff/{id}/suspend", { params: { path: { id } }, body: { reason } }));
}

export function reactivateStaff(id: string, reason: string) {
  return body(api.POST("/api/staff/{id}/reactivate", { params: { path: { id } }, body: { reason } }));
}

export function offboardStaff(id: string, reason: string) {
  return body(api.POST("/api/staff/{id}/offboard", { params: { path: { id } }, body: { reason } }));
}

export function emergencyRevokeStaff(id: string, reason: string) {
  return body(api.POST("/api/staff/{id}/emergency-revoke", { params: { path: { id } }, body: { reason } }));
}

export function listRoles(signal?: AbortSignal) {
  return body(api.GET("/api/roles", { signal }));
}

