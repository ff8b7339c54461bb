import { useState } from "react";
import { useQueries } from "@tanstack/react-query";
import { getMonitoringSeries, type SeriesMetricName } from "../../api/oversight";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Section } from "../../components/Layout";
import { TimeSeriesChart, type ChartSeries } from "../../components/TimeSeriesChart";

type Window = "hour" | "day";

interface Line {
  metric: SeriesMetricName;
  label: string;
  color: string;
}

interface Chart {
  title: string;
  lines: Line[];
  unit?: string;
  empty: string;
}

const charts: Chart[] = [
  { title: "Requests", empty: "No requests in this window.", lines: [
    { metric: "requests", label: "Requests", color: "#1f5fbf" },
    { metric: "4xx", label: "4xx", color: "#b7791f" },
    { metric: "5xx", label: "5xx", color: "#b42318" },
  ] },
  { title: "p95 latency", unit: "ms", empty: "No requests, so no latency, in this window.", lines: [{ metric: "p95", label: "p95", color: "#6b3fa0" }] },
  { title: "Queue depth", empty: "No message waited in any queue in this window.", lines: [{ metric: "queue-depth", label: "Messages", color: "#1f7a6d" }] },
  { title: "Oldest message age", unit: "s", empty: "No message waited in any queue in this window.", lines: [
    { metric: "queue-oldest-age", label: "Oldest", color: "#7a4d00" },
  ] },
  { title: "Timer and queue jobs", empty: "No job ran in this window.", lines: [
    { metric: "job-runs", label: "Runs", color: "#1f5fbf" },
    { metric: "job-failures", label: "Failures", color: "#b42318" },
  ] },
  { title: "Workflows", empty: "No workflow started or finished in this window.", lines: [
    { metric: "workflow-starts", label: "Started", color: "#1f5fbf" },
    { metric: "workflow-completions", label: "Completed", color: "#1d6b34" },
    { metric: "workflow-failures", label: "Failed", color: "#b42318" },
  ] },
];

const metrics = [...new Set(charts.flatMap((c) => c.lines.map((l) => l.metric)))];

/** The monitoring figures over the last hour (per minute) or the last 24 hours (per hour), from GET /api/monitoring/series. */
export function TrendsSection({ refreshEvery }: { refreshEvery: number }) {
  const [window, setWindow] = useState<Window>("hour");
  const results = useQueries({
    queries: metrics.map((metric) => ({
      queryKey: ["monitoring", "series", metric, window],
      queryFn: ({ signal }: { signal: AbortSignal }) => getMonitoringSeries(metric, window, signal),
      refetchInterval: refreshEvery,
    })),
  });
  const byMetric = new Map(metrics.map((metric, i) => [metric, results[i]]));
  const error = results.find((r) => r.error)?.error;
  const loading = results.some((r) => r.isPending);

  return (
    <Section
      title="Trends"
      wide
      actions={
        <div className="segmented" role="group" aria-label="Time window">
          {(["hour", "day"] as const).map((w) => (
            <button key={w} type="button" className={w === window ? "segment active" : "segment"} aria-pressed={w === window} onClick={() => setWindow(w)}>
              {w === "hour" ? "Last hour" : "Last 24 hours"}
            </button>
          ))}
        </div>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      {loading ? <p className="muted">Loading trends…</p> : (
        <div className="chart-grid">
          {charts.map((chart) => {
            const series: ChartSeries[] = chart.lines.flatMap((line) => {
              const data = byMetric.get(line.metric)?.data;
              return data ? [{ label: line.label, color: line.color, points: data.points }] : [];
            });
            return <TimeSeriesChart key={`${chart.title}-${window}`} title={`${chart.title}, ${window === "hour" ? "last hour" : "last 24 hours"}`}
              series={series} unit={chart.unit} empty={chart.empty} window={window} />;
          })}
        </div>
      )}
      <p className="muted small">{window === "hour" ? "One point a minute, the current minute included" : "One point an hour, the current hour included"}; hover a chart for its values.</p>
    </Section>
  );
}
