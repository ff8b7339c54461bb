import { useQuery } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { getMe } from "../api/auth";
import { Loading } from "../components/Layout";
import { sessionStore } from "./session";
import { useAccess, useSession } from "./useAuth";
import type { Screen } from "./permissions";
import { PageHeader } from "../components/Layout";

/** Sends anyone without a session to sign-in, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  // Permissions can change between sign-ins (roles added, removed): refresh them once per session.
  const me = useQuery({ queryKey: ["me", session?.token], queryFn: ({ signal }) => getMe(signal), enabled: !!session, staleTime: 5 * 60_000 });

  useEffect(() => {
    if (me.data) sessionStore.setStaff(me.data);
  }, [me.data]);

  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (!session.staff) return <Loading label="Loading your profile…" />;
  return <>{children}</>;
}

/** Shows a screen only to staff holding one of its permissions; the API still decides every call. */
export function RequireScreen({ screen, children }: { screen: Screen; children: ReactNode }) {
  const { canSee } = useAccess();
  if (!canSee(screen)) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  return (
    <>
      <PageHeader title="Not available" />
      <div className="alert alert-info" role="status">
        <p className="alert-title">You do not have access to this screen</p>
        <p className="alert-detail">Your roles do not include the permissions it needs. Ask an administrator if you need access.</p>
      </div>
    </>
  );
}
