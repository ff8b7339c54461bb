/**
 * The staff session: held in memory and mirrored to sessionStorage so a reload in the same tab keeps it.
 * Never localStorage: a session must not outlive the tab or leak into other tabs.
 */
export interface StaffIdentity {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  permissions: string[];
}

export interface Session {
  token: string;
  expiresAt: string | null;
  staff: StaffIdentity | null;
}

export type SignOutReason = "revoked" | "expired" | "signed-out";

const sessionKey = "penguinmails.admin.session";
const reasonKey = "penguinmails.admin.signOutReason";

let current: Session | null = load();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
scheduleExpiry();

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(sessionKey);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return typeof parsed.token === "string" && parsed.token && !isExpired(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function save(next: Session | null) {
  current = next;
  try {
    if (next) sessionStorage.setItem(sessionKey, JSON.stringify(next));
    else sessionStorage.removeItem(sessionKey);
  } catch {
    // Storage can be unavailable (private mode quotas); the in-memory copy still works for this page.
  }
  scheduleExpiry();
  listeners.forEach((listener) => listener());
}

/** Ends the session when its absolute expiry passes, even if no call is made. */
function scheduleExpiry() {
  clearTimeout(expiryTimer);
  if (!current?.expiresAt) return;
  const remaining = Date.parse(current.expiresAt) - Date.now();
  if (Number.isNaN(remaining)) return;
  expiryTimer = setTimeout(() => sessionStore.end("expired"), Math.min(Math.max(remaining, 0), 2_147_000_000));
}

function isExpired(s: Session): boolean {
  return s.expiresAt !== null && Date.parse(s.expiresAt) <= Date.now();
}

export const sessionStore = {
  get(): Session | null {
    return current;
  },
  token(): string | null {
    return sessionStore.get()?.token ?? null;
  },
  /**
   * The id of this session, to mark it in session lists. Tokens are opaque to the SPA, but the back end issues them
   * as "pms_{staffId}.{sessionId}.{secret}" (SessionTokens.cs); anything else simply gets no marker.
   */
  sessionId(): string | null {
    return /^pms_[A-Za-z0-9]+\.([A-Za-z0-9]+)\.[A-Za-z0-9_-]+$/.exec(sessionStore.token() ?? "")?.[1] ?? null;
  },
  start(next: Session) {
    try {
      sessionStorage.removeItem(reasonKey);
    } catch {
      /* ignore */
    }
    save(next);
  },
  setStaff(staff: StaffIdentity) {
    if (current) save({ ...current, staff });
  },
  /** Clears the session and remembers why, so the sign-in page can say so. */
  end(reason: SignOutReason) {
    if (!current) return;
    try {
      sessionStorage.setItem(reasonKey, reason);
    } catch {
      /* ignore */
    }
    save(null);
  },
  signOutReason(): SignOutReason | null {
    try {
      return sessionStorage.getItem(reasonKey) as SignOutReason | null;
    } catch {
      return null;
    }
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function signOutMessage(reason: SignOutReason | null): string | null {
  switch (reason) {
    case "revoked": return "Your session was revoked. Sign in again to continue.";
    case "expired": return "Your session was revoked or expired. Sign in again to continue.";
    case "signed-out": return "You have signed out.";
    default: return null;
  }
}
