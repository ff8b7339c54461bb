import { useEffect, useState } from "react";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";

const visibleFor = 60;

/** Shows a revealed value once. It lives only in this component's state and is gone when the dialog closes. */
export function RevealedValue({ name, value, onClose }: { name: string; value: string; onClose: () => void }) {
  const [secondsLeft, setSecondsLeft] = useState(visibleFor);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (secondsLeft <= 0) onClose();
  }, [secondsLeft, onClose]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Dialog open title={`Value of ${name}`} onClose={onClose} footer={<Button variant="primary" onClick={onClose}>Hide value</Button>}>
      <p className="muted">Shown once. It hides in {secondsLeft} s or when you close this dialog; revealing it again is audited again.</p>
      <pre className="secret-value" tabIndex={0} aria-label="Secret value">{value}</pre>
      <Button size="sm" onClick={copy}>{copied ? "Copied" : "Copy to clipboard"}</Button>
    </Dialog>
  );
}
