import { useEffect, useRef, useState } from "react";

const scriptUrl = "https://accounts.google.com/gsi/client";
let loading: Promise<void> | null = null;

/** Loads Google Identity Services once, and only when a client id is configured. */
function loadGoogleIdentity(): Promise<void> {
  if (window.google?.accounts?.id) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = scriptUrl;
    script.async = true;
    script.defer = true;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error("Google sign-in could not be loaded. Check your connection, or ask an administrator."));
    };
    document.head.append(script);
  });
  return loading;
}

interface GoogleSignInButtonProps {
  clientId: string;
  onCredential: (idToken: string) => void;
}

export function GoogleSignInButton({ clientId, onCredential }: GoogleSignInButtonProps) {
  const container = useRef<HTMLDivElement>(null);
  const callback = useRef(onCredential);
  callback.current = onCredential;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadGoogleIdentity()
      .then(() => {
        const id = window.google?.accounts.id;
        if (cancelled || !id || !container.current) return;
        id.initialize({ client_id: clientId, callback: (response) => callback.current(response.credential), ux_mode: "popup", auto_select: false });
        id.renderButton(container.current, { type: "standard", theme: "outline", size: "large", text: "signin_with", width: 280 });
      })
      .catch((cause: Error) => !cancelled && setError(cause.message));
    return () => {
      cancelled = true;
    };
  }, [clientId]);

  return (
    <div>
      <div ref={container} className="google-button" />
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
