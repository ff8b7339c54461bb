import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { getAuthConfig, getMeWithToken, signInWithGoogle } from "../api/auth";
import { GoogleSignInButton } from "../auth/GoogleSignInButton";
import { sessionStore, signOutMessage } from "../auth/session";
import { useSession } from "../auth/useAuth";
import { Button } from "../components/Button";
import { ErrorAlert } from "../components/ErrorAlert";
import { TextField } from "../components/Field";
import { Loading } from "../components/Layout";
import { Logo } from "../components/Logo";

export default function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const [notice] = useState(() => signOutMessage(sessionStore.signOutReason()));
  const [token, setToken] = useState("");

  useEffect(() => {
    document.title = "Sign in · PenguinMails Admin";
  }, []);

  const config = useQuery({ queryKey: ["auth-config"], queryFn: ({ signal }) => getAuthConfig(signal), staleTime: Infinity });

  const google = useMutation({
    mutationFn: signInWithGoogle,
    onSuccess: (result) => {
      sessionStore.start({ token: result.token, expiresAt: result.expiresAt, staff: result.staff });
      navigate(from, { replace: true });
    },
  });

  const local = useMutation({
    mutationFn: async (candidate: string) => ({ staff: await getMeWithToken(candidate), candidate }),
    onSuccess: ({ staff, candidate }) => {
      sessionStore.start({ token: candidate, expiresAt: null, staff });
      navigate(from, { replace: true });
    },
  });

  if (session) return <Navigate to={from} replace />;

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) local.mutate(token.trim());
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <p className="brand-large"><Logo /> PenguinMails</p>
        <h1>Sign in to PenguinMails Admin</h1>
        <p className="muted">For PenguinMails staff. Every sign-in is audited.</p>

        {notice ? <div className="alert alert-info" role="status">{notice}</div> : null}

        {config.isPending ? <Loading label="Loading sign-in options…" /> : null}
        {config.error ? (
          <div>
            <ErrorAlert error={config.error} />
            <Button size="sm" onClick={() => config.refetch()}>Try again</Button>
          </div>
        ) : null}

        {config.data?.googleClientId ? (
          <section aria-labelledby="google-heading" className="sign-in-method">
            <h2 id="google-heading" className="visually-hidden">Sign in with Google</h2>
            <GoogleSignInButton clientId={config.data.googleClientId} onCredential={(idToken) => google.mutate(idToken)} />
            {google.isPending ? <Loading label="Signing in…" /> : null}
            <ErrorAlert error={google.error} />
          </section>
        ) : null}

        {config.data?.localSignIn ? (
          <section aria-labelledby="token-heading" className="sign-in-method">
            <h2 id="token-heading">Sign in with a session token</h2>
            <p className="muted">
              Local runs only. Get a token with <code>./dev.sh bootstrap-admin</code>.
            </p>
            <form onSubmit={submitToken}>
              <TextField
                label="Session token"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={token}
                onChange={(event) => setToken(event.target.value)}
                required
              />
              <ErrorAlert error={local.error} />
              <Button type="submit" variant="primary" busy={local.isPending} disabled={!token.trim()}>
                Sign in with token
              </Button>
            </form>
          </section>
        ) : null}

        {config.data && !config.data.googleClientId && !config.data.localSignIn ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">No sign-in method is configured</p>
            <p className="alert-detail">Ask an administrator to set the Google client id of this deployment.</p>
          </div>
        ) : null}
      </div>
    </main>
  );
}
