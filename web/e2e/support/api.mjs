// Direct calls to the app's API from the test process: setting up data and checking what the UI did.
import { randomBytes } from "node:crypto";
import { env } from "./env.mjs";

/** Calls the API; answers { status, body } (parsed JSON when there is any). */
export async function api(path, { token, method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(env.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Like api(), but fails unless the answer is `expected`. */
export async function apiOk(path, options = {}, expected = 200) {
  const result = await api(path, options);
  if (result.status !== expected) {
    throw new Error(`${options.method ?? "GET"} ${path}: expected ${expected}, got ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body;
}

/** A fresh address in the hosted domain, so reruns on the same storage never collide. */
export function uniqueEmail(name) {
  return `${name}.${randomBytes(4).toString("hex")}@${env.hostedDomain}`;
}

/** An ID token from the fake Google issuer, as Google Identity Services would hand it to the SPA. */
export async function googleIdToken(email) {
  const response = await fetch(`${env.googleUrl}/id-token`, { method: "POST", body: JSON.stringify({ email }) });
  if (!response.ok) throw new Error(`fake Google issuer answered ${response.status}`);
  return (await response.json()).idToken;
}

/** Signs a staff member in through POST /api/auth/google, the production path; answers their session token. */
export async function signInWithGoogle(email) {
  const body = await apiOk("/api/auth/google", { method: "POST", body: { idToken: await googleIdToken(email) } });
  return body.token;
}

export function createStaff(token, { email, displayName, roles }) {
  return apiOk("/api/staff", { token, method: "POST", body: { email, displayName, roles, reason: "Browser test set-up" } }, 201);
}
