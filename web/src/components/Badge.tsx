type Tone = "ok" | "warn" | "bad" | "info" | "neutral";

const tones: Record<string, Tone> = {
  active: "ok", ok: "ok", healthy: "ok", completed: "ok", succeeded: "ok", valid: "ok", enabled: "ok", matched: "ok", resolved: "ok", closed: "neutral",
  pending: "warn", running: "info", waiting: "warn", degraded: "warn", paused: "warn", "in-progress": "info", open: "info", medium: "warn", low: "info",
  suspended: "bad", offboarded: "neutral", banned: "bad", failed: "bad", unhealthy: "bad", terminated: "bad", rejected: "bad",
  high: "bad", critical: "bad", disabled: "neutral", deleted: "bad", changed: "ok", unchanged: "neutral",
};

export function StatusBadge({ status, tone }: { status: string; tone?: Tone }) {
  const resolved = tone ?? tones[status.toLowerCase()] ?? "neutral";
  return <span className={`badge badge-${resolved}`}>{status}</span>;
}
