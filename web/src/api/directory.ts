import { useQuery } from "@tanstack/react-query";
import { listStaff } from "./staff";
import { listTenants } from "./tenants";

const pageSize = 500;
const maxPages = 10;

export interface DirectoryEntry {
  name: string;
  email?: string;
}

/**
 * Every item of a list, a few 500-item pages at most: the names a screen shows instead of ids. Tenants and staff
 * number in the hundreds, so one or two list reads per screen (cached for a minute) replace a read per row.
 */
async function readAll<T>(fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<{ items: T[]; nextCursor?: string | null }>, signal: AbortSignal) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor, signal);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return items;
}

/** Tenant id → name. Undefined while loading or when this staff member may not list tenants: callers show the id then. */
export function useTenantDirectory(enabled = true) {
  return useQuery({
    queryKey: ["directory", "tenants"],
    enabled,
    staleTime: 60_000,
    retry: false,
    queryFn: async ({ signal }) => {
      const tenants = await readAll((cursor, s) => listTenants({ pageSize }, cursor, s), signal);
      return new Map<string, DirectoryEntry>(tenants.map((t) => [t.id, { name: t.name }]));
    },
  }).data;
}

/** Staff id → display name and email, like {@link useTenantDirectory}. */
export function useStaffDirectory(enabled = true) {
  return useQuery({
    queryKey: ["directory", "staff"],
    enabled,
    staleTime: 60_000,
    retry: false,
    queryFn: async ({ signal }) => {
      const staff = await readAll((cursor, s) => listStaff({ pageSize }, cursor, s), signal);
      return new Map<string, DirectoryEntry>(staff.map((m) => [m.id, { name: m.displayName || m.email, email: m.email }]));
    },
  }).data;
}
