import { Suspense, useEffect, useRef, useState } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { signOut } from "./api/auth";
import { navigation } from "./auth/permissions";
import { sessionStore } from "./auth/session";
import { useAccess, useSession } from "./auth/useAuth";
import { Button } from "./components/Button";
import { Loading } from "./components/Layout";
import { Logo } from "./components/Logo";

export function AppShell() {
  const session = useSession();
  const { canSee } = useAccess();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [signingOut, setSigningOut] = useState(false);

  // Move focus to the new page on navigation so keyboard and screen reader users start at its top.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  const staff = session?.staff;

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // The session is dropped locally either way.
    } finally {
      window.google?.accounts.id.disableAutoSelect();
      sessionStore.end("signed-out");
    }
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to="/" className="brand"><Logo /> PenguinMails <span className="brand-sub">Admin</span></Link>
        <div className="topbar-user">
          {staff ? (
            <Link to="/account" className="user-chip" title={staff.email}>
              <span>{staff.displayName || staff.email}</span>
              <span className="user-roles">{staff.roles.join(", ") || "no roles"}</span>
            </Link>
          ) : null}
          <Button size="sm" variant="ghost" onClick={onSignOut} busy={signingOut}>Sign out</Button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {navigation.filter((item) => canSee(item.screen)).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/dashboard"} className="nav-link">{item.label}</NavLink>
            </li>
          ))}
          <li>
            <NavLink to="/account" className="nav-link">My account</NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="content">
        <Suspense fallback={<Loading label="Loading screen…" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
