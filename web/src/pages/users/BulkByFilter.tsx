import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { bulkByFilter, type BulkFilter, type BulkOutcome } from "../../api/bulk";
import { platformUserRoles } from "../../api/users";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { Section } from "../../components/Layout";
import { TenantSelect } from "../../components/Names";
import { useToast } from "../../components/Toast";
import { localInputToIso } from "../../lib/format";
import { BulkParameters, choiceIsReady, choiceParameters, initialChoice } from "./BulkParameters";
import { BulkResults } from "./BulkOperations";
import { BulkRunProgress } from "./BulkRunProgress";
import { userStatuses } from "./PlatformUserList";

const emptyFilter = { tenantId: "", status: "", role: "", createdAfter: "", createdBefore: "", emailDomain: "" };

/** Select users by tenant, status, role, creation date or email domain; the dry run counts the matches and shows each outcome. */
export function BulkByFilter() {
  const notify = useToast();
  const [draft, setDraft] = useState(emptyFilter);
  const [choice, setChoice] = useState(initialChoice);
  const [result, setResult] = useState<{ signature: string; dryRun: boolean; outcome: BulkOutcome } | null>(null);

  const filter: BulkFilter = Object.fromEntries(Object.entries({
    ...draft,
    emailDomain: draft.emailDomain.trim().replace(/^@/, ""),
    createdAfter: localInputToIso(draft.createdAfter),
    createdBefore: localInputToIso(draft.createdBefore),
  }).filter(([, v]) => v));
  const signature = JSON.stringify({ filter, choice });
  const ready = Object.keys(filter).length > 0 && choiceIsReady(choice);
  const dryRunIsCurrent = result?.dryRun === true && result.signature === signature;
  const run = useMutation({
    mutationFn: (dryRun: boolean) => bulkByFilter({ action: choice.action, filter, parameters: choiceParameters(choice), reason: choice.reason.trim(), dryRun }),
    onSuccess: (outcome, dryRun) => {
      setResult({ signature, dryRun, outcome });
      if (!dryRun && outcome.kind === "done") notify(`Bulk ${choice.action}: ${outcome.response.summary.changed} changed, ${outcome.response.summary.failed} failed.`);
      if (!dryRun && outcome.kind === "started") notify(`Bulk ${choice.action} started for the matching users.`);
    },
  });
  const matched = dryRunIsCurrent && result.outcome.kind === "done" ? result.outcome.response.summary.matched ?? result.outcome.response.summary.total : null;
  const field = (key: keyof typeof emptyFilter) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });

  return (
    <div className="grid">
      <Section title="Select users by filter">
        <form aria-label="Bulk by filter" onSubmit={(e) => { e.preventDefault(); if (ready) run.mutate(true); }}>
          <TenantSelect label="Tenant" placeholder="Any tenant" value={draft.tenantId} onChange={(id) => setDraft({ ...draft, tenantId: id })} />
          <SelectField label="Status" placeholder="Any status" options={userStatuses} {...field("status")} />
          <SelectField label="Role" placeholder="Any role" options={platformUserRoles} {...field("role")} />
          <TextField label="Created after" type="datetime-local" {...field("createdAfter")} />
          <TextField label="Created before" type="datetime-local" {...field("createdBefore")} />
          <TextField label="Email domain" placeholder="example.com" {...field("emailDomain")} />
          <BulkParameters choice={choice} onChange={setChoice} />
          <ErrorAlert error={run.error} />
          <div className="toolbar">
            <Button type="submit" variant="primary" busy={run.isPending && run.variables === true} disabled={!ready}>Dry run: count matches</Button>
            <Button variant="danger" busy={run.isPending && run.variables === false} disabled={!ready || !dryRunIsCurrent} onClick={() => run.mutate(false)}>
              {matched == null ? "Apply to the matching users" : `Apply to ${matched.toLocaleString()} matching users`}
            </Button>
          </div>
          {!Object.keys(filter).length ? <p className="muted small">Choose at least one filter: a bulk change never selects every user by accident.</p> : null}
        </form>
      </Section>
      {result ? (
        <Section title={result.dryRun ? (dryRunIsCurrent ? "Dry run: what would happen" : "Dry run (inputs have changed since)") : "Applied"}>
          {result.outcome.kind === "done" ? <BulkResults response={{ ...result.outcome.response, dryRun: result.dryRun }} />
            : <BulkRunProgress workflowId={result.outcome.accepted.workflowId} title="Bulk change by filter" />}
        </Section>
      ) : null}
    </div>
  );
}
