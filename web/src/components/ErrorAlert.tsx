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
      {apiError?.notServed ? (
        <p className="alert-title">Not available on this server yet</p>
      ) : null}
      {apiError?.notServed ? (
        <p className="alert-detail">
          This part of the API (<code>{apiError.notServed}</code>) is not deployed on this back end yet. The server answered:
        </p>
      ) : null}
      <p className={apiError?.notServed ? "alert-detail" : "alert-title"}>{title}</p>
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
