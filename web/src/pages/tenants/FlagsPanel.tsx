import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createFlag, deleteFlag, evaluateFlags, getFlag, listFlags, updateFlag } from "../../api/flags";
import type { FeatureFlag } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { CheckboxField, TextAreaField, TextField } from "../../components/Field";
import { Section } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDateTime, parseIds } from "../../lib/format";

type Editing = { mode: "create" } | { mode: "edit"; flag: FeatureFlag };

export function FlagsPanel() {
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<FeatureFlag | null>(null);
  const list = useCursorList(["flags"], (cursor, signal) => listFlags(cursor, signal));
  const manage = can(Permissions.flagsManage);

  return (
    <div className="stack">
      <Section title="Feature flags" actions={manage ? <Button variant="primary" size="sm" onClick={() => setEditing({ mode: "create" })}>New flag</Button> : null}>
        <ListState list={list} noun="flags">
          <DataTable
            caption="Feature flags"
            rows={list.items}
            rowKey={(f) => f.key}
            empty="No feature flags yet."
            columns={[
              { header: "Key", cell: (f) => <code>{f.key}</code> },
              { header: "Description", cell: (f) => f.description },
              { header: "State", cell: (f) => <StatusBadge status={f.enabled ? "enabled" : "disabled"} /> },
              { header: "Rollout", cell: (f) => `${f.rolloutPercentage}%`, className: "num" },
              { header: "Targeting", cell: (f) => targeting(f) },
              { header: "Updated", cell: (f) => formatDateTime(f.updatedAt) },
              ...(manage ? [{
                header: "Actions",
                cell: (f: FeatureFlag) => (
                  <div className="row-actions">
                    <Button size="sm" onClick={() => setEditing({ mode: "edit", flag: f })} aria-label={`Edit ${f.key}`}>Edit</Button>
                    <Button size="sm" variant="danger" onClick={() => setDeleting(f)} aria-label={`Delete ${f.key}`}>Delete</Button>
                  </div>
                ),
              }] : []),
            ]}
          />
        </ListState>
      </Section>
      <EvaluateFlags />
      {editing ? <FlagDialog editing={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete flag ${deleting?.key ?? ""}`}
        confirmLabel="Delete flag"
        destructive
        onClose={() => setDeleting(null)}
        onConfirm={async (reason) => {
          if (!deleting) return;
          const current = await getFlag(deleting.key);
          await deleteFlag(deleting.key, reason, current.etag);
          notify(`Flag ${deleting.key} deleted.`);
          await client.invalidateQueries({ queryKey: ["flags"] });
        }}
      >
        <p>Code that checks this flag will see it as off for everyone.</p>
      </ConfirmDialog>
    </div>
  );
}

function targeting(flag: FeatureFlag): string {
  const parts = [
    flag.allowTenants.length ? `${flag.allowTenants.length} tenant(s) allowed` : "",
    flag.allowUsers.length ? `${flag.allowUsers.length} user(s) allowed` : "",
    flag.denyTenants.length ? `${flag.denyTenants.length} tenant(s) denied` : "",
  ].filter(Boolean);
  return parts.join(", ") || "—";
}

function FlagDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const client = useQueryClient();
  const notify = useToast();
  const existing = editing.mode === "edit" ? editing.flag : null;
  const [form, setForm] = useState({
    key: existing?.key ?? "",
    description: existing?.description ?? "",
    enabled: existing?.enabled ?? false,
    rolloutPercentage: existing?.rolloutPercentage ?? 0,
    allowTenants: existing?.allowTenants.join("\n") ?? "",
    allowUsers: existing?.allowUsers.join("\n") ?? "",
    denyTenants: existing?.denyTenants.join("\n") ?? "",
    reason: "",
  });
  const save = useMutation({
    mutationFn: async () => {
      const flag = {
        description: form.description,
        enabled: form.enabled,
        rolloutPercentage: form.rolloutPercentage,
        allowTenants: parseIds(form.allowTenants),
        allowUsers: parseIds(form.allowUsers),
        denyTenants: parseIds(form.denyTenants),
        ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
      };
      if (!existing) return createFlag({ key: form.key, ...flag });
      const current = await getFlag(existing.key);
      return (await updateFlag(existing.key, flag, current.etag)).value;
    },
    onSuccess: (flag) => {
      notify(`Flag ${flag.key} saved.`);
      void client.invalidateQueries({ queryKey: ["flags"] });
      onClose();
    },
  });
  const error = (name: string) => fieldError(save.error, name);
  return (
    <Dialog open title={existing ? `Edit flag ${existing.key}` : "New feature flag"} onClose={onClose} locked={save.isPending} wide>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        {existing ? null : <TextField label="Key" required value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} error={error("key")} autoFocus />}
        <TextField label="Description" required value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={error("description")} />
        <CheckboxField label="Enabled" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />
        <TextField
          label="Rollout percentage"
          type="number"
          min={0}
          max={100}
          step={1}
          value={form.rolloutPercentage}
          onChange={(e) => setForm({ ...form, rolloutPercentage: Number(e.target.value) })}
          hint="Tenants are bucketed stably: the same tenant always gets the same answer."
          error={error("rolloutPercentage")}
        />
        <div className="grid grid-3">
          <TextAreaField label="Always on for tenants" rows={3} value={form.allowTenants} onChange={(e) => setForm({ ...form, allowTenants: e.target.value })} hint="Tenant ids, one per line." error={error("allowTenants")} />
          <TextAreaField label="Always on for users" rows={3} value={form.allowUsers} onChange={(e) => setForm({ ...form, allowUsers: e.target.value })} hint="User ids, one per line." error={error("allowUsers")} />
          <TextAreaField label="Always off for tenants" rows={3} value={form.denyTenants} onChange={(e) => setForm({ ...form, denyTenants: e.target.value })} hint="Tenant ids, one per line." error={error("denyTenants")} />
        </div>
        <TextField label="Reason (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        <ErrorAlert error={save.error} hideFieldErrors />
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={save.isPending}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>Save flag</Button>
        </div>
      </form>
    </Dialog>
  );
}

function EvaluateFlags() {
  const [tenantId, setTenantId] = useState("");
  const [userId, setUserId] = useState("");
  // The answer keeps whom it was asked for: the inputs may change before the next evaluation.
  const evaluate = useMutation({
    mutationFn: async (subject: { tenantId?: string; userId?: string }) => ({ subject, result: await evaluateFlags(subject) }),
  });
  const rows = Object.entries(evaluate.data?.result.flags ?? {}).map(([key, decision]) => ({ key, ...decision }));
  const subject = evaluate.data?.subject;
  const whom = [subject?.tenantId ? `tenant ${subject.tenantId}` : "", subject?.userId ? `user ${subject.userId}` : ""].filter(Boolean).join(" and ");
  return (
    <Section title="Check flags for a tenant or user">
      <form className="filters" onSubmit={(e) => { e.preventDefault(); evaluate.mutate({ ...(tenantId ? { tenantId } : {}), ...(userId ? { userId } : {}) }); }}>
        <TextField label="Tenant id" value={tenantId} onChange={(e) => setTenantId(e.target.value)} />
        <TextField label="User id" value={userId} onChange={(e) => setUserId(e.target.value)} />
        <div className="toolbar">
          <Button type="submit" busy={evaluate.isPending} disabled={!tenantId && !userId}>Evaluate</Button>
        </div>
      </form>
      <ErrorAlert error={evaluate.error} />
      {evaluate.data ? (
        <DataTable
          caption={`Flag decisions for ${whom}`}
          showCaption
          rows={rows}
          rowKey={(r) => r.key}
          empty="No flags."
          columns={[
            { header: "Flag", cell: (r) => <code>{r.key}</code> },
            { header: "Result", cell: (r) => <StatusBadge status={r.enabled ? "enabled" : "disabled"} /> },
            { header: "Why", cell: (r) => <span title={r.reason}>{decisionReason(r.reason, r.enabled)}</span> },
          ]}
        />
      ) : null}
    </Section>
  );
}

/** The evaluator's reason codes (FlagDecision.cs) in words; an unknown code is shown as sent. */
function decisionReason(reason: string, enabled: boolean): string {
  switch (reason) {
    case "allowlisted": return "On the allowlist";
    case "denylisted": return "On the denylist";
    case "disabled": return "Flag switched off";
    case "rollout": return enabled ? "Inside the rollout percentage" : "Outside the rollout percentage";
    case "default": return enabled ? "Rolled out to everyone" : "Not rolled out (0 %, or no tenant given)";
    default: return reason;
  }
}
