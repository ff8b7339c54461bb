import { ApiError, isNotConfigured } from "../api/errors";

interface ErrorAlertProps {
  error: unknown;
  /** Field errors already shown next to their inputs are not repeated here. */
  hideFieldErrors?: boolean;
}

/** Shows the API's problem title and detail exactly as sent, with any per-field errors. */
export function ErrorAlert({ error, hideFieldErrors = false }: ErrorAlertProps) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  if (apiError?.notServed) return <NotServed error={apiError} operation={apiError.notServed} />;
  if (apiError && isNotConfigured(apiError)) return <NotConfigured error={apiError} />;
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

/** A feature whose API is still being built: not an error of the user's, so it is a calm notice with the problem. */
function NotServed({ error, operation }: { error: ApiError; operation: string }) {
  return (
    <div className="alert alert-pending" role="status">
      <p className="alert-title">Not available on this server yet</p>
      <p className="alert-detail">This needs <code>{operation}</code>, which this back end does not serve yet.</p>
      <p className="alert-meta">
        The server answered {error.status} · {error.code} · {error.title}
        {error.traceId ? ` · trace ${error.traceId}` : ""}
      </p>
    </div>
  );
}

/** The server is missing a setting (e.g. no Stripe key): an operator's matter, shown calmly with the API's words. */
function NotConfigured({ error }: { error: ApiError }) {
  return (
    <div className="alert alert-pending" role="status">
      <p className="alert-title">Not configured on this server</p>
      {error.detail ? <p className="alert-detail">{error.detail}</p> : null}
      <p className="alert-meta">
        {error.status} · {error.code} · {error.title}
        {error.traceId ? ` · trace ${error.traceId}` : ""}
      </p>
    </div>
  );
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}
