import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartSeries {
  label: string;
  /** Oldest first; a null value is a bucket where nothing was measured. */
  points: { time: string; value?: number | null }[];
  color: string;
}

interface Props {
  title: string;
  series: ChartSeries[];
  /** Shown after hover values: "ms", "s", or nothing for counts. */
  unit?: string;
  /** Said instead of a chart when no series has a non-zero value. */
  empty: string;
  window: "hour" | "day";
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dayAndTime = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });

/**
 * A small line chart (uPlot, on canvas) with hover values in its legend. It names its totals and peak in text for
 * screen readers, and says `empty` rather than drawing a flat line when there is nothing to show.
 */
export function TimeSeriesChart({ title, series, unit, empty, window }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const values = series.flatMap((s) => s.points.map((p) => p.value ?? 0));
  const measured = values.filter((v) => v !== 0).length;
  const times = series[0]?.points.map((p) => Date.parse(p.time) / 1000) ?? [];
  // Refetches hand over new arrays with the same points: redraw only when a point changed.
  const signature = JSON.stringify(series);

  useEffect(() => {
    const element = host.current;
    if (!element || measured === 0) return;
    const format = (v: number | null | undefined) => (v == null ? "—" : `${Number.isInteger(v) ? v : v.toFixed(1)}${unit ? ` ${unit}` : ""}`);
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height: 150,
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        // Hours alone on the axis keep a narrow chart's labels apart; the hover value names the day.
        { stroke: "#56606d", grid: { stroke: "#eceff3" }, space: 70, values: (_u, ticks) => ticks.map((t) => timeOfDay.format(t * 1000)) },
        { stroke: "#56606d", grid: { stroke: "#eceff3" }, size: 48 },
      ],
      series: [
        { label: "Time", value: (_u, t) => (t == null ? "—" : dayAndTime.format(t * 1000)) },
        ...series.map((s) => ({
          label: s.label, stroke: s.color, width: 2, value: (_u: uPlot, v: number | null) => format(v),
          // A measured minute between unmeasured ones has no line to sit on: dots keep sparse series visible.
          points: { show: s.points.filter((p) => p.value != null).length <= 20 || s.points.some((p) => p.value == null), size: 5, fill: s.color },
        })),
      ],
    };
    const data: uPlot.AlignedData = [times, ...series.map((s) => s.points.map((p) => p.value ?? null))];
    const chart = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, element.clientWidth), height: 150 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [signature, unit, window, measured]);

  const summary = series
    .map((s) => {
      const nums = s.points.map((p) => p.value ?? 0);
      const peak = Math.max(0, ...nums);
      return `${s.label}: peak ${Number.isInteger(peak) ? peak : peak.toFixed(1)}${unit ? ` ${unit}` : ""}`;
    })
    .join("; ");
  return (
    <figure className="chart" aria-label={title} data-points={times.length} data-measured={measured}>
      <figcaption className="chart-title">{title}</figcaption>
      {measured === 0 ? (
        <p className="chart-empty muted">{empty}</p>
      ) : (
        <>
          <div ref={host} className="chart-canvas" />
          <p className="visually-hidden">{summary}</p>
        </>
      )}
    </figure>
  );
}
