import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "./Button";
import { Dialog } from "./Dialog";
import { ErrorAlert, fieldError } from "./ErrorAlert";
import { TextAreaField } from "./Field";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Destructive actions must say why; the reason is audited. */
  requireReason?: boolean;
  reasonLabel?: string;
  onClose: () => void;
  /** Runs the action. Resolving closes the dialog; throwing keeps it open and shows the problem. */
  onConfirm: (reason: string) => Promise<unknown>;
  wide?: boolean;
}

export function ConfirmDialog({
  open, title, children, confirmLabel, destructive = false, requireReason = true,
  reasonLabel = "Reason (recorded in the audit log)", onClose, onConfirm, wide,
}: ConfirmDialogProps) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setReason("");
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (requireReason && !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      setReason("");
      onClose();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title={title} onClose={close} locked={busy} wide={wide}>
      <form onSubmit={submit} noValidate={false}>
        <div className="dialog-content">{children}</div>
        <TextAreaField
          label={requireReason ? reasonLabel : "Reason (optional)"}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required={requireReason}
          minLength={requireReason ? 3 : undefined}
          rows={3}
          error={fieldError(error, "reason")}
          autoFocus
        />
        <ErrorAlert error={error} hideFieldErrors />
        <div className="dialog-footer">
          <Button onClick={close} disabled={busy}>Cancel</Button>
          <Button type="submit" variant={destructive ? "danger" : "primary"} busy={busy} disabled={requireReason && reason.trim().length < 3}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
