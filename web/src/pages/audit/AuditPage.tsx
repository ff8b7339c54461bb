import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { exportAudit, listAuditEvents, verifyAudit } from "../../api/oversight";
import type { AuditEvent, AuditFilters } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { JsonBlock, PageHeader, Section, Toolbar } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { clean } from "../../lib/filters";
import { formatDateTime, localInputToIso } from "../../lib/format";
import { AuditTarget } from "./AuditTarget";
import { StaffLink } from "../../components/Names";

interface Draft {
  actorId: string;
  targetId: string;
  action: string;
  from: string;
  to: string;
}

const emptyDraft: Draft = { actorId: "", targetId: "", action: "", from: "", to: "" };

export default function AuditPage() {
  const { can } = useAccess();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [format, setFormat] = useState<"csv" | "jsonl">("csv");
  const list = useCursorList(["audit", filters], (cursor, signal) => listAuditEvents(filters, cursor, signal));
  const range = { ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) };
  const verify = useMutation({ mutationFn: () => verifyAudit(range) });
  const exporting = useMutation({ mutationFn: () => exportAudit(format, range) });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(clean({ actorId: draft.actorId.trim(), targetId: draft.targetId.trim(), action: draft.action.trim(), from: localInputToIso(draft.from), to: localInputToIso(draft.to) }));
    verify.reset();
  };

  return (
    <>
      <PageHeader title="Audit log" description="Every state-changing admin action, newest first. The log is append-only and hash-chained." />
      <form onSubmit={apply} className="filters" role="search" aria-label="Filter the audit log">
        <TextField label="Actor id" value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.target.value })} />
        <TextField label="Target id" value={draft.targetId} onChange={(e) => setDraft({ ...draft, targetId: e.target.value })} />
        <TextField label="Action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder="staff.roles.set" />
        <TextField label="From" type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField label="To" type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <Toolbar label="Filter actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          <Button onClick={() => { setDraft(emptyDraft); setFilters({}); verify.reset(); }}>Clear</Button>
        </Toolbar>
      </form>

      <div className="grid">
        <Section title="Verify integrity">
          <p className="muted">Recomputes the hash chain over {range.from || range.to ? "the chosen period" : "the whole log"}.</p>
          <Button onClick={() => verify.mutate()} busy={verify.isPending}>Verify the chain</Button>
          <ErrorAlert error={verify.error} />
          {verify.data ? (
            <div className={verify.data.valid ? "alert alert-ok" : "alert alert-error"} role="status">
              <p className="alert-title">
                <StatusBadge status={verify.data.valid ? "valid" : "failed"} /> {verify.data.valid ? "The chain is intact." : "The chain is broken."}
              </p>
              <p className="alert-detail">
                {Number(verify.data.checked).toLocaleString()} events checked.
                {verify.data.firstBrokenEventId ? <> First broken event: <code>{verify.data.firstBrokenEventId}</code>.</> : null}
              </p>
            </div>
          ) : null}
        </Section>
        {can(Permissions.auditExport) ? (
          <Section title="Export">
            <p className="muted">Exports {range.from || range.to ? "the chosen period" : "the whole log"}; the export itself is audited.</p>
            <div className="filters">
              <SelectField label="Format" options={[{ value: "csv", label: "CSV" }, { value: "jsonl", label: "JSON Lines" }]} value={format} onChange={(e) => setFormat(e.target.value as "csv" | "jsonl")} />
              <div className="toolbar"><Button onClick={() => exporting.mutate()} busy={exporting.isPending}>Download export</Button></div>
            </div>
            <ErrorAlert error={exporting.error} />
          </Section>
        ) : null}
      </div>

      <Section title="Events">
        <ListState list={list} noun="events">
          <DataTable
            caption="Audit events"
            rows={list.items}
            rowKey={(e) => e.id}
            empty="No events match these filters."
            columns={[
              { header: "When", cell: (e) => formatDateTime(e.time) },
              { header: "Actor", cell: (e) => <StaffLink id={e.actorId} email={e.actorEmail} /> },
              { header: "Action", cell: (e) => <code className="nowrap">{e.action}</code> },
              { header: "Target", cell: (e) => <>{e.targetType} <AuditTarget type={e.targetType} id={e.targetId} /></> },
              { header: "Reason", cell: (e) => e.reason ?? "" },
              { header: "Details", cell: (e) => <EventDetails event={e} /> },
            ]}
          />
        </ListState>
      </Section>
    </>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  return (
    <details className="details">
      <summary>Show</summary>
      <dl className="kv kv-compact">
        <div className="kv-row"><dt>Event</dt><dd><code>{event.id}</code></dd></div>
        <div className="kv-row"><dt>Target</dt><dd>{event.targetType} <AuditTarget type={event.targetType} id={event.targetId} /></dd></div>
        <div className="kv-row"><dt>Outcome</dt><dd>{event.outcome}</dd></div>
        <div className="kv-row"><dt>IP address</dt><dd>{event.ipAddress ?? "—"}</dd></div>
        <div className="kv-row"><dt>Browser</dt><dd>{event.userAgent ?? "—"}</dd></div>
        <div className="kv-row"><dt>Correlation</dt><dd>{event.correlationId ? <code>{event.correlationId}</code> : "—"}</dd></div>
      </dl>
      <p className="small"><strong>Before</strong></p>
      <JsonBlock value={event.before} label="State before" />
      <p className="small"><strong>After</strong></p>
      <JsonBlock value={event.after} label="State after" />
    </details>
  );
}
