import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { bulkByCsv, type BulkOutcome } from "../../api/bulk";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Section } from "../../components/Layout";
import { TenantSelect } from "../../components/Names";
import { useToast } from "../../components/Toast";
import { BulkParameters, choiceIsReady, initialChoice } from "./BulkParameters";
import { BulkResults } from "./BulkOperations";
import { BulkRunProgress } from "./BulkRunProgress";
import { CsvFileField } from "./CsvFileField";

type RowError = { line: number; field: string; reason: string };

/** The file rows the API left out (no id or email, unknown user…), with their line, column and reason. */
function rowErrorsOf(outcome: BulkOutcome): RowError[] {
  const source = outcome.kind === "done" ? outcome.response : outcome.accepted;
  return (source as { rowErrors?: RowError[] | null }).rowErrors ?? [];
}

/** An update from a file (HR, another system): its `id` or `email` column selects the users; dry run first, then apply. */
export function BulkByCsv() {
  const notify = useToast();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [tenantId, setTenantId] = useState("");
  const [choice, setChoice] = useState(initialChoice);
  const [result, setResult] = useState<{ signature: string; dryRun: boolean; outcome: BulkOutcome } | null>(null);
  const signature = JSON.stringify({ file, tenantId, choice });
  const ready = file !== null && choiceIsReady(choice);
  const dryRunIsCurrent = result?.dryRun === true && result.signature === signature;
  const run = useMutation({
    mutationFn: (dryRun: boolean) => bulkByCsv(file?.text ?? "", {
      action: choice.action, dryRun, reason: choice.reason.trim(), tenantId: tenantId || undefined,
      role: choice.action === "change-role" ? choice.role : undefined,
      targetTenantId: choice.action === "move-tenant" ? choice.targetTenantId : undefined,
    }),
    onSuccess: (outcome, dryRun) => {
      setResult({ signature, dryRun, outcome });
      if (!dryRun) notify(outcome.kind === "done" ? `Bulk ${choice.action} from ${file?.name}: ${outcome.response.summary.changed} changed, ${outcome.response.summary.failed} failed.` : `Bulk ${choice.action} from ${file?.name} started.`);
    },
  });

  return (
    <div className="grid">
      <Section title="Update users from a CSV file">
        <form aria-label="Bulk by CSV file" onSubmit={(e) => { e.preventDefault(); if (ready) run.mutate(true); }}>
          <CsvFileField id="bulk-csv" label="CSV file" hint="A header row, then one user per line, with an id or an email column." onText={setFile} />
          <TenantSelect label="Tenant of the emails" placeholder="Any tenant (ids only)" value={tenantId} onChange={setTenantId} />
          <BulkParameters choice={choice} onChange={setChoice} />
          <ErrorAlert error={run.error} />
          <div className="toolbar">
            <Button type="submit" variant="primary" busy={run.isPending && run.variables === true} disabled={!ready}>Dry run</Button>
            <Button variant="danger" busy={run.isPending && run.variables === false} disabled={!ready || !dryRunIsCurrent} onClick={() => run.mutate(false)}>Apply the file</Button>
          </div>
        </form>
      </Section>
      {result && rowErrorsOf(result.outcome).length > 0 ? (
        <Section title="Rows of the file left out">
          <DataTable
            caption="File rows left out"
            rows={rowErrorsOf(result.outcome)}
            rowKey={(e) => `${e.line}:${e.field}`}
            empty=""
            columns={[
              { header: "Line", cell: (e) => e.line, className: "num" },
              { header: "Field", cell: (e) => e.field },
              { header: "Reason", cell: (e) => e.reason },
            ]}
          />
        </Section>
      ) : null}
      {result ? (
        <Section title={result.dryRun ? (dryRunIsCurrent ? "Dry run: what would happen" : "Dry run (inputs have changed since)") : "Applied"}>
          {result.outcome.kind === "done" ? <BulkResults response={{ ...result.outcome.response, dryRun: result.dryRun }} />
            : <BulkRunProgress workflowId={result.outcome.accepted.workflowId} title="Bulk change from a file" />}
        </Section>
      ) : null}
    </div>
  );
}
