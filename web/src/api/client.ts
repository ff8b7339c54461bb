import createClient, { type Middleware } from "openapi-fetch";
import { sessionStore } from "../auth/session";
import { pendingOperation } from "./availability";
import { ApiError, readProblem } from "./errors";
import type { paths } from "./schema";

/** Empty when the SPA is served by the function app itself; the API origin when it is a Static Web App. */
export const apiOrigin = (import.meta.env.VITE_API_ORIGIN ?? "").replace(/\/+$/, "");

/** The method of the request behind each response, to tell "not served yet" apart from a missing record. */
const methods = new WeakMap<Response, string>();

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const auth: Middleware = {
  onRequest({ request }) {
    const token = sessionStore.token();
    if (token && !request.headers.has("Authorization")) request.headers.set("Authorization", `Bearer ${token}`);
    // One key per state change, so the server applies it once even when the network makes us retry.
    if (stateChanging.has(request.method) && !request.headers.has("Idempotency-Key")) {
      request.headers.set("Idempotency-Key", crypto.randomUUID());
    }
    return request;
  },
  async onResponse({ request, response }) {
    methods.set(response, request.method);
    // Any 401 on a call made with the current session means the session is gone: return to sign-in.
    const token = sessionStore.token();
    if (response.status === 401 && token && request.headers.get("Authorization") === `Bearer ${token}`) {
      const problem = await readProblem(response.clone());
      sessionStore.end(problem?.code === "session_revoked" ? "revoked" : "expired");
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: apiOrigin, headers: { Accept: "application/json, application/problem+json" } });
api.use(auth);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call; a non-2xx answer or a network failure becomes an ApiError. */
export async function call<T>(request: Promise<Outcome<T>>): Promise<{ data: T; response: Response }> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!outcome.response.ok) {
    const error = ApiError.fromResponse(outcome.response, outcome.error);
    const method = methods.get(outcome.response);
    throw error.status === 404 && method ? error.withPendingOperation(pendingOperation(method, outcome.response.url)) : error;
  }
  return { data: outcome.data as T, response: outcome.response };
}

/** Like `call`, returning only the body. */
export async function body<T>(request: Promise<Outcome<T>>): Promise<T> {
  return (await call(request)).data;
}

/** A body together with the ETag to send back as If-Match. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}

export async function versioned<T>(request: Promise<Outcome<T>>): Promise<Versioned<T>> {
  const { data, response } = await call(request);
  return { value: data, etag: response.headers.get("ETag") };
}

/** Only send If-Match when we hold an ETag. */
export function ifMatch(etag: string | null | undefined): { "If-Match"?: string } {
  return etag ? { "If-Match": etag } : {};
}

/** Saves a streamed download (CSV, JSONL) under the server's file name when it gives one. */
export async function download(request: Promise<Outcome<unknown>>, fallbackName: string): Promise<void> {
  const { data, response } = await call(request);
  const blob = data instanceof Blob ? data : new Blob([String(data ?? "")], { type: response.headers.get("Content-Type") ?? "text/plain" });
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
