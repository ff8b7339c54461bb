import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type ChangeEvent } from "react";
import type { BulkAction, BulkRequest, BulkResponse } from "../../api/types";
import { bulkByIds, type BulkOutcome } from "../../api/bulk";
import { bulkLimit, platformUserRoles } from "../../api/users";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { KeyValues, Section } from "../../components/Layout";
import { useToast } from "../../components/Toast";
import { parseIds } from "../../lib/format";
import { BulkRunProgress } from "./BulkRunProgress";
import { BulkUserCell } from "./BulkUserCell";

export const bulkActions: { value: BulkAction; label: string }[] = [
  { value: "change-role", label: "Change role" },
  { value: "ban", label: "Ban" },
  { value: "unban", label: "Unban" },
  { value: "move-tenant", label: "Move to another tenant" },
];

const pageOfRows = 200;

/** Paste or upload user ids, dry-run the action, read the per-item outcome, then apply the same request. */
export function BulkOperations() {
  const notify = useToast();
  const [action, setAction] = useState<BulkAction>("change-role");
  const [role, setRole] = useState("");
  const [tenantId, setTenantId] = useState("");
  const [idsText, setIdsText] = useState("");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [dryRun, setDryRun] = useState<{ signature: string; response: BulkResponse } | null>(null);
  const [applied, setApplied] = useState<BulkOutcome | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const ids = useMemo(() => parseIds(idsText), [idsText]);
  const request: BulkRequest = {
    action,
    userIds: ids,
    parameters: action === "change-role" ? { role } : action === "move-tenant" ? { tenantId } : {},
    reason: reason.trim(),
    dryRun: true,
  };
  const signature = JSON.stringify({ ...request, dryRun: undefined });
  const dryRunIsCurrent = dryRun?.signature === signature;
  const missingParameter = (action === "change-role" && !role.trim()) || (action === "move-tenant" && !tenantId.trim());
  const tooMany = ids.length > bulkLimit;
  const ready = ids.length > 0 && !tooMany && !missingParameter && reason.trim().length >= 3;

  const preview = useMutation({
    mutationFn: async () => {
      const outcome = await bulkByIds({ ...request, dryRun: true });
      // Dry runs always answer in the request, up to 10,000 users.
      if (outcome.kind !== "done") throw new Error("The dry run was started as a workflow instead of answering with results.");
      return outcome.response;
    },
    onSuccess: (response) => {
      setDryRun({ signature, response });
      setApplied(null);
    },
  });
  const apply = useMutation({
    mutationFn: () => bulkByIds({ ...request, dryRun: false }),
    onSuccess: (outcome) => {
      setApplied(outcome);
      // The accounts have changed: applying again needs a fresh dry run of what would happen now.
      setDryRun(null);
      setConfirming(false);
      notify(outcome.kind === "done"
        ? `Bulk ${action}: ${outcome.response.summary.changed} changed, ${outcome.response.summary.unchanged} unchanged, ${outcome.response.summary.failed} failed.`
        : `Bulk ${action} started for ${ids.length.toLocaleString()} users; it runs in the background.`);
    },
  });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setFileError(null);
    if (file.size > 2_000_000) {
      setFileError("That file is larger than 2 MB; 10,000 ids fit in far less.");
      return;
    }
    const text = await file.text();
    // A CSV export has a header row; keep only values that look like ids (no spaces, not the header).
    const values = parseIds(text).filter((value) => !/^(id|userid|user_id)$/i.test(value));
    setIdsText((previous) => [previous.trim(), values.join("\n")].filter(Boolean).join("\n"));
  };

  return (
    <div className="grid">
      <Section title="Bulk operation">
        <form onSubmit={(e) => { e.preventDefault(); if (ready) preview.mutate(); }}>
          <SelectField label="Action" options={bulkActions} value={action} onChange={(e) => setAction(e.target.value as BulkAction)} />
          {action === "change-role" ? <SelectField label="New role" required placeholder="Choose a role" options={platformUserRoles} value={role} onChange={(e) => setRole(e.target.value)} error={fieldError(preview.error ?? apply.error, "parameters.role")} /> : null}
          {action === "move-tenant" ? <TextField label="Destination tenant id" required value={tenantId} onChange={(e) => setTenantId(e.target.value)} error={fieldError(preview.error ?? apply.error, "parameters.tenantId")} /> : null}
          <TextAreaField
            label="User ids"
            hint={`One per line, or separated by commas. Up to ${bulkLimit.toLocaleString()}. ${ids.length.toLocaleString()} unique id${ids.length === 1 ? "" : "s"} entered.`}
            rows={8}
            value={idsText}
            onChange={(e) => setIdsText(e.target.value)}
            error={tooMany ? `Too many ids: ${ids.length.toLocaleString()} of at most ${bulkLimit.toLocaleString()}.` : fieldError(preview.error ?? apply.error, "userIds")}
            spellCheck={false}
          />
          <div className="field">
            <label htmlFor="bulk-file">Or upload a file of ids (.txt or .csv)</label>
            <input id="bulk-file" type="file" accept=".txt,.csv,text/plain,text/csv" onChange={onFile} />
            {fileError ? <p className="field-error" role="alert">{fileError}</p> : null}
          </div>
          <TextAreaField label="Reason (recorded in the audit log)" required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(preview.error ?? apply.error, "reason")} />
          <ErrorAlert error={preview.error} hideFieldErrors />
          <div className="toolbar">
            <Button type="submit" variant="primary" busy={preview.isPending} disabled={!ready}>Dry run</Button>
            <Button variant="danger" disabled={!ready || !dryRunIsCurrent} onClick={() => setConfirming(true)}>
              Apply to {ids.length.toLocaleString()} user{ids.length === 1 ? "" : "s"}
            </Button>
          </div>
          {!dryRunIsCurrent && ready ? <p className="muted small">Run a dry run of exactly these inputs before applying.</p> : null}
        </form>
      </Section>

      {applied?.kind === "done" ? (
        <Section title="Applied: results">
          <BulkResults response={applied.response} />
        </Section>
      ) : applied?.kind === "started" ? (
        <Section title="Applied: running">
          <BulkRunProgress workflowId={applied.accepted.workflowId} title={`Bulk ${action}`} />
        </Section>
      ) : dryRun ? (
        <Section title={dryRunIsCurrent ? "Dry run: what would happen" : "Dry run (inputs have changed since)"}>
          <BulkResults response={dryRun.response} />
        </Section>
      ) : null}

      <Dialog open={confirming} title="Apply bulk operation" onClose={() => setConfirming(false)} locked={apply.isPending}>
        <p>This changes real accounts. The dry run of these inputs reported:</p>
        {dryRun ? <Summary response={dryRun.response} /> : null}
        <KeyValues items={[["Action", action], ["Users", ids.length.toLocaleString()], ["Reason", reason]]} />
        <ErrorAlert error={apply.error} />
        <div className="dialog-footer">
          <Button onClick={() => setConfirming(false)} disabled={apply.isPending}>Cancel</Button>
          <Button variant="danger" busy={apply.isPending} onClick={() => apply.mutate()}>Apply</Button>
        </div>
      </Dialog>
    </div>
  );
}

export function Summary({ response }: { response: BulkResponse }) {
  const summary: BulkResponse["summary"] & { matched?: number | null } = response.summary;
  return (
    <ul className="summary" aria-label="Outcome summary">
      <li><StatusBadge status="changed" /> {summary.changed}</li>
      <li><StatusBadge status="unchanged" /> {summary.unchanged}</li>
      <li><StatusBadge status="failed" tone={summary.failed ? "bad" : "neutral"} /> {summary.failed}</li>
      <li className="muted">of {summary.total}</li>
      {summary.matched != null ? <li className="muted">({summary.matched.toLocaleString()} matched the filter)</li> : null}
    </ul>
  );
}

export function BulkResults({ response }: { response: BulkResponse }) {
  const [outcome, setOutcome] = useState("");
  const [shown, setShown] = useState(pageOfRows);
  const rows = outcome ? response.results.filter((r) => r.outcome === outcome) : response.results;

  const downloadCsv = () => {
    const escape = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    const lines = ["userId,email,outcome,error", ...response.results.map((r) => [r.userId, r.email ?? "", r.outcome, r.error ?? ""].map(escape).join(","))];
    const url = URL.createObjectURL(new Blob([lines.join("\n")], { type: "text/csv" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: `bulk-${response.dryRun ? "dry-run" : "results"}.csv` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div>
      <Summary response={response} />
      <div className="toolbar">
        <SelectField label="Show" placeholder="Every outcome" options={["changed", "unchanged", "failed"]} value={outcome} onChange={(e) => { setOutcome(e.target.value); setShown(pageOfRows); }} />
        <Button size="sm" onClick={downloadCsv}>Download results (CSV)</Button>
      </div>
      <DataTable
        caption={response.dryRun ? "Dry run results per user" : "Results per user"}
        rows={rows.slice(0, shown)}
        rowKey={(r) => r.userId}
        empty="No results with this outcome."
        columns={[
          { header: "User", cell: (r) => <BulkUserCell result={r} /> },
          { header: "Outcome", cell: (r) => <StatusBadge status={r.outcome} /> },
          { header: "Error", cell: (r) => r.error ?? "" },
        ]}
      />
      {rows.length > shown ? (
        <div className="list-footer">
          <span className="muted">Showing {shown} of {rows.length}</span>
          <Button size="sm" onClick={() => setShown(shown + pageOfRows)}>Show more</Button>
        </div>
      ) : null}
    </div>
  );
}
