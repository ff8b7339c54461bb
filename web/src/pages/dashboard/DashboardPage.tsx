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
import { TrendsSection } from "./TrendsSection";

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
        description="Trends over the last hour and day, platform health, queues, background jobs and security alerts. Refreshes every 30 seconds."
        actions={<Button onClick={() => client.invalidateQueries({ predicate: (q) => ["monitoring", "dashboard"].includes(String(q.queryKey[0])) })}>Refresh now</Button>}
      />
      <div className="grid">
        {monitoring ? <TrendsSection refreshEvery={refreshEvery} /> : null}

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
                      { header: "Latency", cell: (c) => (c.latencyMs == null ? "—" : `${Math.round(c.latencyMs)} ms`), className: "num" },
                      { header: "Detail", cell: (c) => c.reason ?? "" },
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
                  rows={data.items}
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
                    rows={data.items}
                    rowKey={(j) => `${j.kind}:${j.name}`}
                    empty="No jobs ran yet."
                    columns={[
                      { header: "Job", cell: (j) => j.name },
                      { header: "Kind", cell: (j) => j.kind },
                      { header: "Runs (1 h)", cell: (j) => j.lastHour.runs, className: "num" },
                      { header: "Failures (1 h)", cell: (j) => (j.lastHour.failures > 0 ? <StatusBadge status={String(j.lastHour.failures)} tone="bad" /> : "0"), className: "num" },
                      { header: "Runs (24 h)", cell: (j) => j.lastDay.runs, className: "num" },
                      { header: "Failures (24 h)", cell: (j) => j.lastDay.failures, className: "num" },
                      { header: "Last success", cell: (j) => (j.lastSuccessAt ? formatDateTime(j.lastSuccessAt) : "—") },
                      { header: "Last error", cell: (j) => j.lastError ?? "" },
                    ]}
                  />
                  <p className="muted small">Runs and failures in the last hour and the last 24 hours</p>
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
                    rows={data.items}
                    rowKey={(f) => f.function}
                    empty="No requests yet."
                    columns={[
                      { header: "Function", cell: (f) => f.function },
                      { header: "Requests (5 min)", cell: (f) => f.last5Minutes.requests, className: "num" },
                      { header: "5xx (5 min)", cell: (f) => (f.last5Minutes.serverErrors > 0 ? <StatusBadge status={String(f.last5Minutes.serverErrors)} tone="bad" /> : "0"), className: "num" },
                      { header: "p95 (5 min)", cell: (f) => (f.last5Minutes.p95Ms == null ? "—" : `${Math.round(f.last5Minutes.p95Ms)} ms`), className: "num" },
                      { header: "Requests (1 h)", cell: (f) => f.lastHour.requests, className: "num" },
                      { header: "Error rate (1 h)", cell: (f) => `${f.lastHour.errorRatePercent.toFixed(1)} %`, className: "num" },
                      { header: "p95 (1 h)", cell: (f) => (f.lastHour.p95Ms == null ? "—" : `${Math.round(f.lastHour.p95Ms)} ms`), className: "num" },
                    ]}
                  />
                  <p className="muted small">The last 5 minutes and the last hour</p>
                </>
              )}
            </QueryState>
          </Section>
        ) : null}
      </div>
    </>
  );
}
