import { Link } from "react-router";
import { refundWorkflowType } from "../../api/finance";
import { useCursorList } from "../../api/useCursorList";
import { listWorkflows } from "../../api/workflows";
import { StatusBadge } from "../../components/Badge";
import { DataTable } from "../../components/DataTable";
import { ListState } from "../../components/ListState";
import { formatDateTime } from "../../lib/format";

/** Refund requests are workflows; their status is the workflow's. */
export function RefundsPanel() {
  const list = useCursorList(["workflows", { type: refundWorkflowType }], (cursor, signal) => listWorkflows({ type: refundWorkflowType }, cursor, signal), { refetchInterval: 15_000 });
  return (
    <ListState list={list} noun="refund requests">
      <DataTable
        caption="Refund requests"
        rows={list.items}
        rowKey={(w) => w.id}
        empty="No refund requests."
        columns={[
          { header: "Requested", cell: (w) => formatDateTime(w.createdTime) },
          { header: "Workflow", cell: (w) => <Link to={`/workflows/${encodeURIComponent(w.id)}`}><code>{w.id}</code></Link> },
          { header: "Status", cell: (w) => <StatusBadge status={w.runtimeStatus} /> },
          { header: "Step", cell: (w) => (typeof w.customStatus === "string" ? w.customStatus : w.history?.at(-1)?.name ?? "—") },
          { header: "Updated", cell: (w) => formatDateTime(w.lastUpdatedTime) },
        ]}
      />
    </ListState>
  );
}
