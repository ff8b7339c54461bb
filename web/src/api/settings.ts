import { api, body, ifMatch, versioned } from "./client";
import type { SettingsSectionName } from "./types";

export const settingsSections: readonly SettingsSectionName[] = ["email-domains", "deliverability", "monitoring", "security-alerts"];

export function getSettings(section: SettingsSectionName, signal?: AbortSignal) {
  return versioned(api.GET("/api/settings/{section}", { params: { path: { section } }, signal }));
}

export function updateSettings(section: SettingsSectionName, values: Record<string, unknown>, reason: string, etag: string | null) {
  return versioned(api.PUT("/api/settings/{section}", { params: { path: { section }, header: ifMatch(etag) }, body: { values, reason } }));
}

export function listSettingsVersions(section: SettingsSectionName, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/settings/{section}/versions", { params: { path: { section }, query: { cursor } }, signal }));
}

export function rollbackSettings(section: SettingsSectionName, version: number, reason: string) {
  return body(api.POST("/api/settings/{section}/rollback", { params: { path: { section } }, body: { version, reason } }));
}
