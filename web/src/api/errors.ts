/** RFC 9457 problem details as the API sends them, with its stable `code` extension. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  instance?: string | null;
  code?: string;
  errors?: Record<string, string[]>;
  traceId?: string;
}

/** Every failed call surfaces as an ApiError, whose title and detail are shown to the user as the API wrote them. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly code: string;
  readonly errors: Record<string, string[]>;
  readonly traceId: string | null;
  /** Set when the operation is one this back end does not serve yet, e.g. "GET /api/users". */
  notServed: string | null = null;

  constructor(status: number, problem: Problem) {
    const title = problem.title?.trim() || defaultTitle(status);
    super(problem.detail ? `${title}: ${problem.detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = problem.detail ?? null;
    this.code = problem.code ?? codeFor(status);
    this.errors = problem.errors ?? {};
    this.traceId = problem.traceId ?? null;
  }

  /** Field errors of a validation problem, looked up case-insensitively (the server may say "Reason" or "reason"). */
  fieldError(field: string): string | undefined {
    const key = Object.keys(this.errors).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? this.errors[key]?.join(" ") : undefined;
  }

  withPendingOperation(operation: string | null): ApiError {
    this.notServed = operation;
    return this;
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    if (isProblem(body)) return new ApiError(response.status, body);
    const text = typeof body === "string" ? body.trim() : "";
    return new ApiError(response.status, {
      title: defaultTitle(response.status),
      detail: text && text.length < 300 && !text.startsWith("<") ? text : `The server answered ${response.status} ${response.statusText}`.trim(),
    });
  }

  static network(cause: unknown): ApiError {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    return new ApiError(0, {
      title: "Cannot reach the server",
      detail: cause instanceof Error ? cause.message : "The request did not complete. Check your connection and try again.",
      code: "network_error",
    });
  }
}

/** Asking again cannot help when the operation is not served at all. */
export function isNotServed(error: unknown): boolean {
  return error instanceof ApiError && error.notServed !== null;
}

/** A 503 whose code ends in `_not_configured` (e.g. `stripe_not_configured`): the server lacks a setting, so retrying cannot help. */
export function isNotConfigured(error: unknown): boolean {
  return error instanceof ApiError && error.status === 503 && error.code.endsWith("_not_configured");
}

export function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && ("title" in body || "code" in body || "detail" in body);
}

export async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : null;
  } catch {
    return null;
  }
}

function defaultTitle(status: number): string {
  switch (status) {
    case 400: return "The request was not valid";
    case 401: return "Not signed in";
    case 403: return "You do not have permission to do this";
    case 404: return "Not found";
    case 409: return "Conflict";
    case 412: return "Someone else changed this first";
    case 429: return "Too many requests";
    default: return status >= 500 ? "The server failed to handle the request" : `Request failed (${status})`;
  }
}

function codeFor(status: number): string {
  const codes: Record<number, string> = {
    400: "validation_failed", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
    409: "conflict", 412: "precondition_failed", 429: "rate_limited",
  };
  return codes[status] ?? (status >= 500 ? "server_error" : "error");
}
