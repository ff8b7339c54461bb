import { useState, type FormEvent } from "react";
import { listAlerts, listLogins } from "../../api/oversight";
import { useCursorList } from "../../api/useCursorList";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { SelectField, TextField } from "../../components/Field";
import { PageHeader, Toolbar } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { Tabs } from "../../components/Tabs";
import { clean } from "../../lib/filters";
import { formatDateTime, localInputToIso } from "../../lib/format";
import { StaffLink } from "../../components/Names";

export default function SecurityPage() {
  return (
    <>
      <PageHeader title="Security" description="Staff sign-in activity and unusual access patterns." />
      <Tabs
        label="Security"
        tabs={[
          { id: "sign-ins", label: "Sign-ins", render: () => <SignIns /> },
          { id: "alerts", label: "Alerts", render: () => <Alerts /> },
        ]}
      />
    </>
  );
}

type LoginFilters = { outcome?: "succeeded" | "failed"; from?: string; to?: string };

function SignIns() {
  const [draft, setDraft] = useState({ outcome: "", from: "", to: "" });
  const [filters, setFilters] = useState<LoginFilters>({});
  const list = useCursorList(["security", "logins", filters], (cursor, signal) => listLogins(filters, cursor, signal));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(clean({ outcome: (draft.outcome || undefined) as LoginFilters["outcome"], from: localInputToIso(draft.from), to: localInputToIso(draft.to) }));
  };
  return (
    <div>
      <form className="filters" role="search" aria-label="Filter sign-ins" onSubmit={apply}>
        <SelectField label="Outcome" placeholder="Any outcome" options={["succeeded", "failed"]} value={draft.outcome} onChange={(e) => setDraft({ ...draft, outcome: e.target.value })} />
        <TextField label="From" type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField label="To" type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <Toolbar label="Filter actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          <Button onClick={() => { setDraft({ outcome: "", from: "", to: "" }); setFilters({}); }}>Clear</Button>
        </Toolbar>
      </form>
      <ListState list={list} noun="sign-ins">
        <DataTable
          caption="Sign-in attempts"
          rows={list.items}
          rowKey={(l) => l.id}
          empty="No sign-ins match these filters."
          columns={[
            { header: "When", cell: (l) => formatDateTime(l.timestamp) },
            { header: "Email", cell: (l) => l.email ?? "—" },
            { header: "Outcome", cell: (l) => <StatusBadge status={l.outcome} /> },
            { header: "Why it failed", cell: (l) => l.failureReason ?? "" },
            { header: "IP address", cell: (l) => l.ip ?? "—" },
            { header: "Browser", cell: (l) => <span className="truncate" title={l.userAgent ?? ""}>{l.userAgent ?? "—"}</span> },
          ]}
        />
      </ListState>
    </div>
  );
}

function Alerts() {
  const list = useCursorList(["security", "alerts"], (cursor, signal) => listAlerts(cursor, signal));
  return (
    <ListState list={list} noun="alerts">
      <DataTable
        caption="Security alerts"
        rows={list.items}
        rowKey={(a) => a.id}
        empty="No alerts."
        columns={[
          { header: "When", cell: (a) => formatDateTime(a.createdAt) },
          { header: "Severity", cell: (a) => <StatusBadge status={a.severity} /> },
          { header: "Type", cell: (a) => a.type },
          { header: "Alert", cell: (a) => a.summary },
          { header: "Actor", cell: (a) => <StaffLink id={a.actorId} /> },
          { header: "IP address", cell: (a) => a.ip ?? "—" },
        ]}
      />
    </ListState>
  );
}
