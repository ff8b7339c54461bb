import { api, body, ifMatch, versioned } from "./client";
import type { FlagBody } from "./types";

export function listFlags(cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/flags", { params: { query: { cursor } }, signal }));
}

export function getFlag(key: string, signal?: AbortSignal) {
  return versioned(api.GET("/api/flags/{key}", { params: { path: { key } }, signal }));
}

export function createFlag(flag: FlagBody) {
  return body(api.POST("/api/flags", { body: flag }));
}

export function updateFlag(key: string, flag: Omit<FlagBody, "key"> & { allowTenants: string[]; allowUsers: string[]; denyTenants: string[] }, etag: string | null) {
  return versioned(api.PUT("/api/flags/{key}", { params: { path: { key }, header: ifMatch(etag) }, body: flag }));
}

export function deleteFlag(key: string, reason: string, etag: string | null) {
  return body(api.DELETE("/api/flags/{key}", { params: { path: { key }, header: ifMatch(etag) }, body: { reason } }));
}

export function evaluateFlags(query: { tenantId?: string; userId?: string }, signal?: AbortSignal) {
  return body(api.GET("/api/flags/evaluate", { params: { query }, signal }));
}
