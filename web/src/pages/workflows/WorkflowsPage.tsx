import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useCursorList } from "../../api/useCursorList";
import { listWorkflows, runtimeStatuses } from "../../api/workflows";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { SelectField, TextField } from "../../components/Field";
import { PageHeader, Toolbar } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { clean } from "../../lib/filters";
import { formatDateTime } from "../../lib/format";

export default function WorkflowsPage() {
  const [draft, setDraft] = useState<{ type?: string; status?: string }>({});
  const [filters, setFilters] = useState<{ type?: string; status?: string }>({});
  const list = useCursorList(["workflows", filters], (cursor, signal) => listWorkflows(filters, cursor, signal), { refetchInterval: 15_000 });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(clean(draft));
  };
  return (
    <>
      <PageHeader title="Workflows" description="Long-running admin processes: offboarding, emergency revocation, refunds and disputes." />
      <form className="filters" role="search" aria-label="Filter workflows" onSubmit={apply}>
        <TextField label="Type" value={draft.type ?? ""} onChange={(e) => setDraft({ ...draft, type: e.target.value })} placeholder="offboarding" />
        <SelectField label="Status" placeholder="Any status" options={runtimeStatuses} value={draft.status ?? ""} onChange={(e) => setDraft({ ...draft, status: e.target.value })} />
        <Toolbar label="Filter actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          <Button onClick={() => { setDraft({}); setFilters({}); }}>Clear</Button>
        </Toolbar>
      </form>
      <ListState list={list} noun="workflows">
        <DataTable
          caption="Workflows"
          rows={list.items}
          rowKey={(w) => w.id}
          empty="No workflows match these filters."
          columns={[
            { header: "Workflow", cell: (w) => <Link to={`/workflows/${encodeURIComponent(w.id)}`}><code>{w.id}</code></Link> },
            { header: "Type", cell: (w) => w.type },
            { header: "Status", cell: (w) => <StatusBadge status={w.runtimeStatus} /> },
            { header: "Started", cell: (w) => formatDateTime(w.createdTime) },
            { header: "Updated", cell: (w) => formatDateTime(w.lastUpdatedTime) },
          ]}
        />
      </ListState>
    </>
  );
}
