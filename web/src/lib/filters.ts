/** Drops empty filters so they are not sent as `?status=`. */
export function clean<T extends object>(filters: T): T {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "" && value !== undefined && value !== null)) as T;
}
