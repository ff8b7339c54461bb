import { useCallback, useSyncExternalStore } from "react";
import { hasAny, screenAccess, type Permission, type Screen } from "./permissions";
import { sessionStore, type Session } from "./session";

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

const none: string[] = [];

export interface Access {
  can: (permission: Permission) => boolean;
  canAny: (permissions: readonly Permission[]) => boolean;
  canSee: (screen: Screen) => boolean;
}

export function useAccess(): Access {
  const permissions = useSession()?.staff?.permissions;
  const granted = permissions ?? none;
  const can = useCallback((permission: Permission) => granted.includes(permission), [granted]);
  const canAny = useCallback((required: readonly Permission[]) => hasAny(granted, required), [granted]);
  const canSee = useCallback((screen: Screen) => hasAny(granted, screenAccess[screen]), [granted]);
  return { can, canAny, canSee };
}
