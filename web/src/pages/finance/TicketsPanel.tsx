import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { listTickets, ticketStatuses } from "../../api/finance";
import { useCursorList } from "../../api/useCursorList";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { SelectField, TextField } from "../../components/Field";
import { Toolbar } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { clean } from "../../lib/filters";
import { formatDateTime } from "../../lib/format";
import { TenantLink } from "../../components/Names";

export function TicketsPanel() {
  const [draft, setDraft] = useState<{ queue?: string; status?: string }>({ queue: "finance" });
  const [filters, setFilters] = useState<{ queue?: string; status?: string }>({ queue: "finance" });
  const list = useCursorList(["tickets", filters], (cursor, signal) => listTickets(filters, cursor, signal));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(clean(draft));
  };
  return (
    <div>
      <form className="filters" role="search" aria-label="Filter tickets" onSubmit={apply}>
        <TextField label="Queue" value={draft.queue ?? ""} onChange={(e) => setDraft({ ...draft, queue: e.target.value })} />
        <SelectField label="Status" placeholder="Any status" options={ticketStatuses} value={draft.status ?? ""} onChange={(e) => setDraft({ ...draft, status: e.target.value })} />
        <Toolbar label="Filter actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          <Button onClick={() => { setDraft({}); setFilters({}); }}>Clear</Button>
        </Toolbar>
      </form>
      <ListState list={list} noun="tickets">
        <DataTable
          caption="Tickets"
          rows={list.items}
          rowKey={(t) => t.id}
          empty="No tickets."
          columns={[
            { header: "Ticket", cell: (t) => <Link to={`/dashboard/finance/tickets/${encodeURIComponent(t.id)}`}>{t.subject}</Link> },
            { header: "Type", cell: (t) => t.type },
            { header: "Queue", cell: (t) => t.queue },
            { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
            { header: "Priority", cell: (t) => t.priority },
            { header: "Tenant", cell: (t) => <TenantLink id={t.tenantId} /> },
            { header: "Assignee", cell: (t) => t.assignee ?? "—" },
            { header: "Updated", cell: (t) => formatDateTime(t.updatedAt) },
          ]}
        />
      </ListState>
    </div>
  );
}
