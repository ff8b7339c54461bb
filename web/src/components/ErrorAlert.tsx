import { ApiError } from "../api/errors";

interface ErrorAlertProps {
  error: unknown;
  /** Field errors already shown next to their inputs are not repeated here. */
  hideFieldErrors?: boolean;
}

/** Shows the API's problem title and detail exactly as sent, with any per-field errors. */
export function ErrorAlert({ error, hideFieldErrors = false }: ErrorAlertProps) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const title = apiError?.title ?? "Something went wrong";
  const detail = apiError ? apiError.detail : error instanceof Error ? error.message : String(error);
  const fieldErrors = apiError && !hideFieldErrors ? Object.entries(apiError.errors) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      {detail ? <p className="alert-detail">{detail}</p> : null}
      {fieldErrors.length ? (
        <ul className="alert-list">
          {fieldErrors.map(([field, messages]) => (
            <li key={field}><strong>{field}</strong>: {messages.join(" ")}</li>
          ))}
        </ul>
      ) : null}
      {apiError && apiError.status ? (
        <p className="alert-meta">
          {apiError.status} · {apiError.code}
          {apiError.traceId ? ` · trace ${apiError.traceId}` : ""}
        </p>
      ) : null}
    </div>
  );
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}
