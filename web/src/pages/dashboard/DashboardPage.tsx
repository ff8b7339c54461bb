import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { getLiveness, getMonitoringHealth, getMonitoringJobs, getMonitoringMetrics, getMonitoringQueues, listAlerts } from "../../api/oversight";
import { listWorkflows } from "../../api/workflows";
import { isNotServed } from "../../api/errors";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { PageHeader, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { formatDateTime, formatDuration } from "../../lib/format";

const refreshEvery = 30_000;

export default function DashboardPage() {
  const { can } = useAccess();
  const client = useQueryClient();
  const monitoring = can(Permissions.monitoringRead);
  const options = { enabled: monitoring, refetchInterval: refreshEvery };

  const live = useQuery({ queryKey: ["monitoring", "live"], queryFn: ({ signal }) => getLiveness(signal), refetchInterval: refreshEvery });
  const health = useQuery({ queryKey: ["monitoring", "health"], queryFn: ({ signal }) => getMonitoringHealth(signal), ...options });
  const queues = useQuery({ queryKey: ["monitoring", "queues"], queryFn: ({ signal }) => getMonitoringQueues(signal), ...options });
  const jobs = useQuery({ queryKey: ["monitoring", "jobs"], queryFn: ({ signal }) => getMonitoringJobs(signal), ...options });
  const metrics = useQuery({ queryKey: ["monitoring", "metrics"], queryFn: ({ signal }) => getMonitoringMetrics(signal), ...options });
  const alerts = useQuery({
    queryKey: ["dashboard", "alerts"],
    queryFn: ({ signal }) => listAlerts(undefined, signal, 5),
    enabled: can(Permissions.securityRead),
    refetchInterval: refreshEvery,
  });
  const running = useQuery({
    queryKey: ["dashboard", "workflows", "Running"],
    queryFn: ({ signal }) => listWorkflows({ status: "Running" }, undefined, signal, 10),
    enabled: can(Permissions.workflowsRead),
    refetchInterval: refreshEvery,
  });
  const failed = useQuery({
    queryKey: ["dashboard", "workflows", "Failed"],
    queryFn: ({ signal }) => listWorkflows({ status: "Failed" }, undefined, signal, 10),
    enabled: can(Permissions.workflowsRead),
    refetchInterval: refreshEvery,
  });

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Platform health, queues, background jobs and security alerts. Refreshes every 30 seconds."
        actions={<Button onClick={() => client.invalidateQueries({ predicate: (q) => ["monitoring", "dashboard"].includes(String(q.queryKey[0])) })}>Refresh now</Button>}
      />
      <div className="grid">
        {monitoring ? (
          <Section title="Health" actions={health.data ? <StatusBadge status={health.data.status} /> : null}>
            <p className="small">
              API:{" "}
              {live.data ? <StatusBadge status={live.data.status} /> : live.error ? <StatusBadge status="unreachable" tone="bad" /> : "checking…"}
            </p>
            <QueryState query={health} label="Checking components…">
              {(data) => (
                <>
                  <DataTable
                    caption="Component health"
                    rows={data.components}
                    rowKey={(c) => c.name}
                    columns={[
                      { header: "Component", cell: (c) => c.name },
                      { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
                      { header: "Latency", cell: (c) => (c.latencyMs === null ? "—" : `${Math.round(c.latencyMs)} ms`), className: "num" },
                      { header: "Detail", cell: (c) => c.detail ?? "" },
                    ]}
                  />
                  <p className="muted small">Checked {formatDateTime(data.checkedAt)}</p>
                </>
              )}
            </QueryState>
          </Section>
        ) : null}

        {monitoring ? (
          <Section title="Queues">
            <QueryState query={queues} label="Reading queues…">
              {(data) => (
                <DataTable
                  caption="Queue depth and poison messages"
                  rows={data.queues}
                  rowKey={(q) => q.name}
                  empty="No queues reported."
                  columns={[
                    { header: "Queue", cell: (q) => q.name },
                    { header: "Depth", cell: (q) => q.depth, className: "num" },
                    { header: "Oldest message", cell: (q) => formatDuration(q.oldestMessageAgeSeconds), className: "num" },
                    { header: "Poison", cell: (q) => (q.poisonCount > 0 ? <StatusBadge status={String(q.poisonCount)} tone="bad" /> : "0"), className: "num" },
                  ]}
                />
              )}
            </QueryState>
          </Section>
        ) : null}

        {can(Permissions.securityRead) ? (
          <Section title="Security alerts" actions={<Link to="/security?tab=alerts">All alerts</Link>}>
            <QueryState query={alerts} label="Loading alerts…">
              {(data) => (
                <DataTable
                  caption="Latest security alerts"
                  rows={data.items}
                  rowKey={(a) => a.id}
                  empty="No alerts. All quiet."
                  columns={[
                    { header: "When", cell: (a) => formatDateTime(a.createdAt) },
                    { header: "Severity", cell: (a) => <StatusBadge status={a.severity} /> },
                    { header: "Alert", cell: (a) => a.summary },
                  ]}
                />
              )}
            </QueryState>
          </Section>
        ) : null}

        {can(Permissions.workflowsRead) ? (
          <Section title="Workflows" actions={<Link to="/workflows">All workflows</Link>}>
            <QueryState query={running} label="Loading workflows…">
              {(data) => (
                <DataTable
                  caption="Running workflows"
                  showCaption
                  rows={data.items}
                  rowKey={(w) => w.id}
                  empty="Nothing running."
                  columns={[
                    { header: "Workflow", cell: (w) => <Link to={`/workflows/${encodeURIComponent(w.id)}`}>{w.type}</Link> },
                    { header: "Status", cell: (w) => <StatusBadge status={w.runtimeStatus} /> },
                    { header: "Updated", cell: (w) => formatDateTime(w.lastUpdatedTime) },
                  ]}
                />
              )}
            </QueryState>
            {/* One notice is enough when the workflows API is not served at all. */}
            {isNotServed(running.error) ? null : <QueryState query={failed} label="Loading failed workflows…">
              {(data) => (
                <DataTable
                  caption="Recently failed workflows"
                  showCaption
                  rows={data.items}
                  rowKey={(w) => w.id}
                  empty="No failures."
                  columns={[
                    { header: "Workflow", cell: (w) => <Link to={`/workflows/${encodeURIComponent(w.id)}`}>{w.type}</Link> },
                    { header: "Status", cell: (w) => <StatusBadge status={w.runtimeStatus} /> },
                    { header: "Updated", cell: (w) => formatDateTime(w.lastUpdatedTime) },
                  ]}
                />
              )}
            </QueryState>}
          </Section>
        ) : null}

        {monitoring ? (
          <Section title="Background jobs" wide>
            <QueryState query={jobs} label="Loading job rates…">
              {(data) => (
                <>
                  <DataTable
                    caption="Workflow and timer processing"
                    rows={data.jobs}
                    rowKey={(j) => `${j.kind}:${j.name}`}
                    empty="No jobs ran in this window."
                    columns={[
                      { header: "Job", cell: (j) => j.name },
                      { header: "Kind", cell: (j) => j.kind },
                      { header: "Started", cell: (j) => j.started, className: "num" },
                      { header: "Completed", cell: (j) => j.completed, className: "num" },
                      { header: "Failed", cell: (j) => (j.failed > 0 ? <StatusBadge status={String(j.failed)} tone="bad" /> : "0"), className: "num" },
                      { header: "Running", cell: (j) => j.running, className: "num" },
                      { header: "Last run", cell: (j) => formatDateTime(j.lastRunAt) },
                    ]}
                  />
                  <p className="muted small">Last {data.windowMinutes} minutes</p>
                </>
              )}
            </QueryState>
          </Section>
        ) : null}

        {monitoring ? (
          <Section title="Requests" wide>
            <QueryState query={metrics} label="Loading request rates…">
              {(data) => (
                <>
                  <DataTable
                    caption="Requests and errors per function"
                    rows={data.functions}
                    rowKey={(f) => f.name}
                    empty="No requests in this window."
                    columns={[
                      { header: "Function", cell: (f) => f.name },
                      { header: "Requests", cell: (f) => f.requests, className: "num" },
                      { header: "Errors", cell: (f) => f.errors, className: "num" },
                      { header: "p95", cell: (f) => (f.p95Ms === null ? "—" : `${Math.round(f.p95Ms)} ms`), className: "num" },
                    ]}
                  />
                  <p className="muted small">Last {data.windowMinutes} minutes</p>
                </>
              )}
            </QueryState>
          </Section>
        ) : null}
      </div>
    </>
  );
}
