import { api, body } from "./client";

export function listSecrets(cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/admin/secrets", { params: { query: { cursor } }, signal }));
}

export function createSecret(input: { name: string; value: string; contentType: string | null; tags: Record<string, string>; expiresOn: string | null; reason?: string }) {
  return body(api.POST("/api/admin/secrets", { body: input }));
}

export function rotateSecret(name: string, input: { value: string; expiresOn: string | null; reason?: string }) {
  return body(api.PUT("/api/admin/secrets/{name}", { params: { path: { name } }, body: input }));
}

export function revealSecret(name: string, reason: string) {
  return body(api.POST("/api/admin/secrets/{name}/reveal", { params: { path: { name } }, body: { reason } }));
}

export function listSecretVersions(name: string, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/admin/secrets/{name}/versions", { params: { path: { name }, query: { cursor } }, signal }));
}

export function deleteSecret(name: string, reason: string) {
  return body(api.DELETE("/api/admin/secrets/{name}", { params: { path: { name } }, body: { reason } }));
}

export function recoverSecret(name: string, reason: string) {
  return body(api.POST("/api/admin/secrets/{name}/recover", { params: { path: { name } }, body: { reason } }));
}
