import { api, body, ifMatch, versioned } from "./client";
import type { CommunicationPreferencesBody, TenantBillingBody, TenantSettingsBody } from "./types";

export const tenantStatuses = ["pending", "active", "paused", "suspended", "rejected", "closed"] as const;

export function listTenants(filters: { status?: string; q?: string; pageSize?: number }, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/tenants", { params: { query: { ...filters, cursor } }, signal }));
}

export function getTenant(id: string, signal?: AbortSignal) {
  return versioned(api.GET("/api/tenants/{id}", { params: { path: { id } }, signal }));
}

export function createTenant(input: { name: string; primaryDomain: string; plan: string; ownerEmail: string; reason?: string }) {
  return body(api.POST("/api/tenants", { body: input }));
}

export function updateTenant(id: string, changes: { name?: string; primaryDomain?: string; plan?: string; ownerEmail?: string; reason?: string }, etag: string | null) {
  return versioned(api.PATCH("/api/tenants/{id}", { params: { path: { id }, header: ifMatch(etag) }, body: changes }));
}

export function approveTenant(id: string, reason: string) {
  return body(api.POST("/api/tenants/{id}/approve", { params: { path: { id } }, body: reason ? { reason } : {} }));
}

export function rejectTenant(id: string, reason: string) {
  return body(api.POST("/api/tenants/{id}/reject", { params: { path: { id } }, body: { reason } }));
}

export function updateTenantSettings(id: string, settings: TenantSettingsBody, etag: string | null) {
  return versioned(api.PUT("/api/tenants/{id}/settings", { params: { path: { id }, header: ifMatch(etag) }, body: settings }));
}

export function updateTenantBilling(id: string, billing: TenantBillingBody, etag: string | null) {
  return versioned(api.PUT("/api/tenants/{id}/billing", { params: { path: { id }, header: ifMatch(etag) }, body: billing }));
}

export function updateCommunicationPreferences(id: string, preferences: CommunicationPreferencesBody, etag: string | null) {
  return versioned(api.PUT("/api/tenants/{id}/communication-preferences", { params: { path: { id }, header: ifMatch(etag) }, body: preferences }));
}
