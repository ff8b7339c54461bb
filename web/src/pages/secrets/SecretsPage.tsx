import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { deleteSecret, listSecrets, recoverSecret, revealSecret } from "../../api/secrets";
import type { SecretMetadata } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { TextField } from "../../components/Field";
import { PageHeader, Section } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDateTime } from "../../lib/format";
import { CreateSecretDialog, RotateSecretDialog } from "./SecretForms";
import { RevealedValue } from "./RevealedValue";
import { SecretVersions } from "./SecretVersions";

type Pending =
  | { kind: "reveal" | "delete" | "rotate" | "versions"; secret: SecretMetadata }
  | { kind: "recover"; name: string }
  | { kind: "create" };

export default function SecretsPage() {
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const [pending, setPending] = useState<Pending | null>(null);
  const [revealed, setRevealed] = useState<{ name: string; value: string } | null>(null);
  const [deleted, setDeleted] = useState<string[]>([]);
  const [recoverName, setRecoverName] = useState("");
  const list = useCursorList(["secrets"], (cursor, signal) => listSecrets(cursor, signal));
  const manage = can(Permissions.secretsManage);
  const reveal = can(Permissions.secretsReveal);
  const refresh = () => client.invalidateQueries({ queryKey: ["secrets"] });
  const close = () => setPending(null);

  return (
    <>
      <PageHeader
        title="Secrets"
        description="Metadata of the platform's secrets. Values are never listed; revealing one is audited and needs a reason."
        actions={manage ? <Button variant="primary" onClick={() => setPending({ kind: "create" })}>New secret</Button> : null}
      />
      <Section title="Secrets">
        <ListState list={list} noun="secrets">
          <DataTable
            caption="Secrets (metadata only)"
            rows={list.items}
            rowKey={(s) => s.name}
            empty="No secrets."
            columns={[
              { header: "Name", cell: (s) => <code className="nowrap">{s.name}</code> },
              { header: "State", cell: (s) => <StatusBadge status={s.enabled ? "enabled" : "disabled"} /> },
              { header: "Content type", cell: (s) => s.contentType ?? "—" },
              { header: "Tags", cell: (s) => Object.entries(s.tags).map(([k, v]) => `${k}=${v}`).join(", ") || "—" },
              { header: "Expires", cell: (s) => formatDateTime(s.expiresOn) },
              { header: "Updated", cell: (s) => formatDateTime(s.updatedOn) },
              { header: "Version", cell: (s) => <code className="truncate" title={s.version}>{s.version}</code> },
              {
                header: "Actions",
                cell: (s) => (
                  <div className="row-actions">
                    <Button size="sm" onClick={() => setPending({ kind: "versions", secret: s })} aria-label={`Versions of ${s.name}`}>Versions</Button>
                    {reveal ? <Button size="sm" onClick={() => setPending({ kind: "reveal", secret: s })} aria-label={`Reveal ${s.name}`}>Reveal</Button> : null}
                    {manage ? <Button size="sm" onClick={() => setPending({ kind: "rotate", secret: s })} aria-label={`Rotate ${s.name}`}>Rotate</Button> : null}
                    {manage ? <Button size="sm" variant="danger" onClick={() => setPending({ kind: "delete", secret: s })} aria-label={`Delete ${s.name}`}>Delete</Button> : null}
                  </div>
                ),
              },
            ]}
          />
        </ListState>
      </Section>

      {manage ? (
        <Section title="Recover a deleted secret">
          <p className="muted">Deleting is a soft delete: a deleted secret can be recovered by name until it is purged.</p>
          {deleted.length ? (
            <ul className="inline-list" aria-label="Deleted in this session">
              {deleted.map((name) => (
                <li key={name}>
                  <code>{name}</code> <Button size="sm" onClick={() => setPending({ kind: "recover", name })}>Recover</Button>
                </li>
              ))}
            </ul>
          ) : null}
          <form className="filters" onSubmit={(e) => { e.preventDefault(); if (recoverName.trim()) setPending({ kind: "recover", name: recoverName.trim() }); }}>
            <TextField label="Secret name" value={recoverName} onChange={(e) => setRecoverName(e.target.value)} />
            <div className="toolbar"><Button type="submit" disabled={!recoverName.trim()}>Recover</Button></div>
          </form>
        </Section>
      ) : null}

      <ConfirmDialog
        open={pending?.kind === "reveal"}
        title={`Reveal ${pending?.kind === "reveal" ? pending.secret.name : ""}`}
        confirmLabel="Reveal value"
        reasonLabel="Why do you need the value? (audited)"
        onClose={close}
        onConfirm={async (reason) => {
          if (pending?.kind !== "reveal") return;
          const { value } = await revealSecret(pending.secret.name, reason);
          setRevealed({ name: pending.secret.name, value });
        }}
      >
        <p>The value is shown once, then hidden again. Your reason and this reveal are written to the audit log.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={pending?.kind === "delete"}
        title={`Delete ${pending?.kind === "delete" ? pending.secret.name : ""}`}
        confirmLabel="Delete secret"
        destructive
        onClose={close}
        onConfirm={async (reason) => {
          if (pending?.kind !== "delete") return;
          await deleteSecret(pending.secret.name, reason);
          setDeleted((all) => [...new Set([...all, pending.secret.name])]);
          notify(`${pending.secret.name} deleted. It can be recovered.`);
          await refresh();
        }}
      >
        <p>Anything that reads this secret will fail until it is recovered.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={pending?.kind === "recover"}
        title={`Recover ${pending?.kind === "recover" ? pending.name : ""}`}
        confirmLabel="Recover secret"
        requireReason={false}
        onClose={close}
        onConfirm={async (reason) => {
          if (pending?.kind !== "recover") return;
          await recoverSecret(pending.name, reason);
          setDeleted((all) => all.filter((name) => name !== pending.name));
          setRecoverName("");
          notify(`${pending.name} recovered.`);
          await refresh();
        }}
      />

      {pending?.kind === "create" ? <CreateSecretDialog onClose={close} onSaved={() => { notify("Secret created."); void refresh(); }} /> : null}
      {pending?.kind === "rotate" ? <RotateSecretDialog secret={pending.secret} onClose={close} onSaved={() => { notify(`${pending.secret.name} rotated: a new version is current.`); void refresh(); }} /> : null}
      {pending?.kind === "versions" ? <SecretVersions name={pending.secret.name} onClose={close} /> : null}
      {revealed ? <RevealedValue name={revealed.name} value={revealed.value} onClose={() => setRevealed(null)} /> : null}
    </>
  );
}
