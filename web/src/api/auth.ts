import { api, body } from "./client";
import type { CurrentStaff } from "./types";

export function getAuthConfig(signal?: AbortSignal) {
  return body(api.GET("/api/auth/config", { signal }));
}

export function signInWithGoogle(idToken: string) {
  return body(api.POST("/api/auth/google", { body: { idToken } }));
}

/** Checks a pasted session token (from `bootstrap-admin`) before it becomes the session. */
export function getMeWithToken(token: string): Promise<CurrentStaff> {
  return body(api.GET("/api/me", { headers: { Authorization: `Bearer ${token}` } }));
}

export function getMe(signal?: AbortSignal) {
  return body(api.GET("/api/me", { signal }));
}

export function signOut() {
  return body(api.POST("/api/auth/logout"));
}

export function listMySessions(signal: AbortSignal) {
  return body(api.GET("/api/me/sessions", { signal }));
}

export function endMySession(sessionId: string) {
  return body(api.DELETE("/api/me/sessions/{sessionId}", { params: { path: { sessionId } } }));
}
