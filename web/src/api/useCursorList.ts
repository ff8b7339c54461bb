import { useInfiniteQuery, useQuery, type QueryKey } from "@tanstack/react-query";
import type { Page } from "./types";

/** A list the API pages with `{ items, nextCursor }`; "Load more" asks for the next page with `cursor`. */
export function useCursorList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;

/** A short list the API answers in one piece (a plain array), shaped like a cursor list with no next page. */
export function usePlainList<T>(queryKey: QueryKey, fetchAll: (signal: AbortSignal) => Promise<T[]>) {
  const query = useQuery({ queryKey, queryFn: ({ signal }) => fetchAll(signal) });
  return { ...query, items: query.data ?? [], hasNextPage: false, isFetchingNextPage: false, fetchNextPage: () => undefined };
}
