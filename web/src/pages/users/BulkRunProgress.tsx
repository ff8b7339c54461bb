import { useQuery } from "@tanstack/react-query";
import { listBulkResults, progressOf } from "../../api/bulk";
import { useCursorList } from "../../api/useCursorList";
import { getWorkflow, isFinished } from "../../api/workflows";
import { StatusBadge } from "../../components/Badge";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ListState } from "../../components/ListState";
import { DataTable } from "../../components/DataTable";
import { Link } from "react-router";
import { BulkUserCell } from "./BulkUserCell";

/**
 * A bulk run that answered 202: polls GET /api/workflows/{id} and draws its `progress` `{done, total, changed,
 * unchanged, failed}` as a progress bar, then pages the per-user results once it has finished.
 */
export function BulkRunProgress({ workflowId, title }: { workflowId: string; title: string }) {
  const workflow = useQuery({
    queryKey: ["workflow", workflowId],
    queryFn: ({ signal }) => getWorkflow(workflowId, signal),
    refetchInterval: (q) => (isFinished(q.state.data?.runtimeStatus) ? false : 1500),
  });
  const finished = isFinished(workflow.data?.runtimeStatus);
  const progress = progressOf(workflow.data);
  const results = useCursorList(["bulk-results", workflowId], (cursor, signal) => listBulkResults(workflowId, cursor, signal), { enabled: finished });

  return (
    <section className="workflow-progress" aria-label={title}>
      <div className="workflow-progress-head">
        <h3>{title}</h3>
        {workflow.data ? <StatusBadge status={workflow.data.runtimeStatus} /> : <span className="muted">Starting…</span>}
      </div>
      <ErrorAlert error={workflow.error} />
      <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={`${title}: users processed`} />
      <p className="small" aria-live="polite">
        {progress
          ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} processed: ${progress.changed.toLocaleString()} changed, ${progress.unchanged.toLocaleString()} unchanged, ${progress.failed.toLocaleString()} failed.`
          : "Waiting for the first progress report…"}{" "}
        <Link to={`/workflows/${encodeURIComponent(workflowId)}`}>Open the workflow</Link>
      </p>
      {finished ? (
        <ListState list={results} noun="results">
          <DataTable
            caption="Results per user"
            rows={results.items}
            rowKey={(r) => r.userId}
            empty="No results were recorded."
            columns={[
              { header: "User", cell: (r) => <BulkUserCell result={r} /> },
              { header: "Outcome", cell: (r) => <StatusBadge status={r.outcome} /> },
              { header: "Error", cell: (r) => r.error ?? "" },
            ]}
          />
        </ListState>
      ) : null}
    </section>
  );
}
