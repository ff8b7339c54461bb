import { pendingOperations } from "./pending";

/** Path templates like /api/users/{id}, as anchored regular expressions. */
const pending = pendingOperations.map((operation) => {
  const [method = "", template = ""] = operation.split(" ");
  const pattern = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^/]+");
  return { operation, method, path: new RegExp(`^${pattern}/?$`) };
});

/**
 * When a call failed because this back end does not serve the operation yet (it is in openapi.pending.json,
 * owned by an API issue still being built), names it, for example "GET /api/users". Otherwise null.
 */
export function pendingOperation(method: string, url: string): string | null {
  let path: string;
  try {
    path = new URL(url, window.location.origin).pathname;
  } catch {
    return null;
  }
  return pending.find((p) => p.method === method.toUpperCase() && p.path.test(path))?.operation ?? null;
}
