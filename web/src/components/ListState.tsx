import type { ReactNode } from "react";
import { isNotConfigured, isNotServed } from "../api/errors";
import { Button } from "./Button";
import { ErrorAlert } from "./ErrorAlert";
import { Loading } from "./Layout";

interface ListLike {
  items: readonly unknown[];
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

/** Loading and error states around a cursor list, with "Load more" while the API reports a next cursor. */
export function ListState({ list, children, noun = "items" }: { list: ListLike; children: ReactNode; noun?: string }) {
  if (list.isPending) return <Loading label={`Loading ${noun}…`} />;
  if (list.error && list.items.length === 0) {
    return (
      <div>
        <ErrorAlert error={list.error} />
        {isNotServed(list.error) || isNotConfigured(list.error) ? null : <Button size="sm" onClick={() => list.refetch()}>Try again</Button>}
      </div>
    );
  }
  return (
    <div className="list">
      {children}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <div className="list-footer">
        <span className="muted" aria-live="polite">
          Showing {list.items.length} {list.items.length === 1 ? noun.replace(/s$/, "") : noun}{list.hasNextPage ? " (more available)" : ""}
        </span>
        {list.hasNextPage ? (
          <Button size="sm" onClick={() => list.fetchNextPage()} busy={list.isFetchingNextPage}>
            Load more
          </Button>
        ) : null}
      </div>
    </div>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Renders a single query's data once it has arrived, or its loading or error state. */
export function QueryState<T>({ query, children, label }: { query: QueryLike<T>; children: (data: T) => ReactNode; label?: string }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    return (
      <div>
        <ErrorAlert error={query.error} />
        {isNotServed(query.error) || isNotConfigured(query.error) ? null : <Button size="sm" onClick={() => query.refetch()}>Try again</Button>}
      </div>
    );
  }
  return <Loading label={label} />;
}
