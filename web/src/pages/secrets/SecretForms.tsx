import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { createSecret, rotateSecret } from "../../api/secrets";
import type { SecretMetadata } from "../../api/types";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { TextAreaField, TextField } from "../../components/Field";
import { localInputToIso } from "../../lib/format";

interface Props {
  onClose: () => void;
  onSaved: () => void;
}

export function CreateSecretDialog({ onClose, onSaved }: Props) {
  const [form, setForm] = useState({ name: "", value: "", contentType: "", tags: "", expiresOn: "", reason: "" });
  const tags = parseTags(form.tags);
  const save = useMutation({
    mutationFn: () => createSecret({
      name: form.name.trim(),
      value: form.value,
      contentType: form.contentType.trim() || null,
      tags: tags.value ?? {},
      expiresOn: localInputToIso(form.expiresOn) ?? null,
      ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
    }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  const error = (name: string) => fieldError(save.error, name);
  return (
    <Dialog open title="New secret" onClose={onClose} locked={save.isPending}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} autoComplete="off">
        <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error("name")} hint="Letters, digits and dashes." autoFocus />
        <TextAreaField label="Value" required rows={3} className="mono" spellCheck={false} value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} error={error("value")} />
        <TextField label="Content type" value={form.contentType} onChange={(e) => setForm({ ...form, contentType: e.target.value })} error={error("contentType")} placeholder="text/plain" />
        <TextAreaField label="Tags" rows={2} value={form.tags} onChange={(e) => setForm({ ...form, tags: e.target.value })} hint="One key=value per line." error={tags.error ?? error("tags")} />
        <TextField label="Expires on" type="datetime-local" value={form.expiresOn} onChange={(e) => setForm({ ...form, expiresOn: e.target.value })} error={error("expiresOn")} />
        <TextField label="Reason (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        <ErrorAlert error={save.error} hideFieldErrors />
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={save.isPending}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending} disabled={!!tags.error}>Create secret</Button>
        </div>
      </form>
    </Dialog>
  );
}

export function RotateSecretDialog({ secret, onClose, onSaved }: Props & { secret: SecretMetadata }) {
  const [form, setForm] = useState({ value: "", expiresOn: "", reason: "" });
  const save = useMutation({
    mutationFn: () => rotateSecret(secret.name, {
      value: form.value,
      expiresOn: localInputToIso(form.expiresOn) ?? null,
      ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
    }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <Dialog open title={`Rotate ${secret.name}`} onClose={onClose} locked={save.isPending}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} autoComplete="off">
        <p className="muted">The new value becomes a new current version; older versions stay listed.</p>
        <TextAreaField label="New value" required rows={3} className="mono" spellCheck={false} value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} error={fieldError(save.error, "value")} autoFocus />
        <TextField label="Expires on" type="datetime-local" value={form.expiresOn} onChange={(e) => setForm({ ...form, expiresOn: e.target.value })} error={fieldError(save.error, "expiresOn")} />
        <TextField label="Reason (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        <ErrorAlert error={save.error} hideFieldErrors />
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={save.isPending}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending} disabled={!form.value}>Rotate</Button>
        </div>
      </form>
    </Dialog>
  );
}

function parseTags(text: string): { value?: Record<string, string>; error?: string } {
  const tags: Record<string, string> = {};
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf("=");
    if (at <= 0) return { error: `"${line}" is not key=value.` };
    tags[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { value: tags };
}
