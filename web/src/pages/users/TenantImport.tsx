import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { importTenantUsers, type ImportOutcome, type ImportResponse } from "../../api/bulk";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextAreaField } from "../../components/Field";
import { Section } from "../../components/Layout";
import { TenantSelect } from "../../components/Names";
import { useToast } from "../../components/Toast";
import { BulkRunProgress } from "./BulkRunProgress";
import { CsvFileField } from "./CsvFileField";
import { Link } from "react-router";

/**
 * Creates users in a tenant from an `email,displayName,role` file. The dry run lists each row's outcome and, for a
 * bad row, its line, field and reason; a file that can't be read at all is the API's `invalid_file` problem.
 */
export function TenantImport() {
  const notify = useToast();
  const [tenantId, setTenantId] = useState("");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<{ signature: string; dryRun: boolean; outcome: ImportOutcome } | null>(null);
  const signature = JSON.stringify({ tenantId, file, reason });
  const ready = tenantId !== "" && file !== null && reason.trim().length >= 3;
  const dryRunIsCurrent = result?.dryRun === true && result.signature === signature;
  const dryRunFailures = dryRunIsCurrent && result.outcome.kind === "done" ? result.outcome.response.summary.failed : 0;
  const run = useMutation({
    mutationFn: (dryRun: boolean) => importTenantUsers(tenantId, file?.text ?? "", { dryRun, reason: reason.trim() }),
    onSuccess: (outcome, dryRun) => {
      setResult({ signature, dryRun, outcome });
      if (!dryRun) notify(outcome.kind === "done" ? `Imported ${outcome.response.summary.created} users; ${outcome.response.summary.failed} rows failed.` : `Import of ${file?.name} started.`);
    },
  });

  return (
    <div className="grid">
      <Section title="Import users into a tenant">
        <form aria-label="Import users" onSubmit={(e) => { e.preventDefault(); if (ready) run.mutate(true); }}>
          <TenantSelect label="Tenant" required value={tenantId} onChange={setTenantId} />
          <CsvFileField id="import-csv" label="CSV file" hint="Columns email, displayName, role; a header row first." onText={setFile} />
          <TextAreaField label="Reason (recorded in the audit log)" required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <ErrorAlert error={run.error} />
          <div className="toolbar">
            <Button type="submit" variant="primary" busy={run.isPending && run.variables === true} disabled={!ready}>Dry run</Button>
            <Button variant="danger" busy={run.isPending && run.variables === false} disabled={!ready || !dryRunIsCurrent} onClick={() => run.mutate(false)}>
              Import{dryRunFailures ? ` (${dryRunFailures} rows will fail)` : ""}
            </Button>
          </div>
        </form>
      </Section>
      {result ? (
        <Section title={result.dryRun ? (dryRunIsCurrent ? "Dry run: what would happen" : "Dry run (inputs have changed since)") : "Imported"}>
          {result.outcome.kind === "done" ? <ImportResults response={result.outcome.response} dryRun={result.dryRun} />
            : <BulkRunProgress workflowId={result.outcome.accepted.workflowId} title="Import" />}
        </Section>
      ) : null}
    </div>
  );
}

function ImportResults({ response, dryRun }: { response: ImportResponse; dryRun: boolean }) {
  const [outcome, setOutcome] = useState("failed");
  const rows = outcome ? response.results.filter((r) => r.outcome === outcome) : response.results;
  return (
    <div>
      <ul className="summary" aria-label="Import summary">
        <li><StatusBadge status={dryRun ? "would create" : "created"} /> {dryRun ? response.summary.total - response.summary.failed : response.summary.created}</li>
        <li><StatusBadge status="failed" tone={response.summary.failed ? "bad" : "neutral"} /> {response.summary.failed}</li>
        <li className="muted">of {response.summary.total} rows</li>
      </ul>
      <SelectField label="Show" placeholder="Every row" options={["failed", dryRun ? "wouldCreate" : "created"]} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      <DataTable
        caption={dryRun ? "Dry run results per row" : "Import results per row"}
        rows={rows.slice(0, 500)}
        rowKey={(r) => String(r.line)}
        empty="No rows with this outcome."
        columns={[
          { header: "Line", cell: (r) => r.line, className: "num" },
          { header: "Email", cell: (r) => (r.userId ? <Link to={`/dashboard/users/platform/${encodeURIComponent(r.userId)}`}>{r.email ?? r.userId}</Link> : r.email ?? "—") },
          { header: "Outcome", cell: (r) => <StatusBadge status={r.outcome} /> },
          { header: "Errors", cell: (r) => (r.errors.length ? <ul className="plain-list">{r.errors.map((e) => <li key={e.field + e.reason}><strong>{e.field}</strong>: {e.reason}</li>)}</ul> : "") },
        ]}
      />
      {rows.length > 500 ? <p className="muted small">Showing the first 500 of {rows.length} rows.</p> : null}
    </div>
  );
}
