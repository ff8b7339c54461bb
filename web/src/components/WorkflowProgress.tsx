import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { getWorkflow, isFinished } from "../api/workflows";
import type { Workflow } from "../api/types";
import { formatDateTime } from "../lib/format";
import { StatusBadge } from "./Badge";
import { ErrorAlert } from "./ErrorAlert";

interface WorkflowProgressProps {
  workflowId: string;
  title?: string;
  /** Called once when the workflow completes, fails or is terminated: the screen reloads what the workflow changed. */
  onFinished?: (workflow: Workflow) => void;
}

/**
 * Polls GET /api/workflows/{id} until the workflow completes, fails or is terminated. The steps and which of them
 * are done come from the server (steps, completedSteps); a step a finished instance never ran shows as skipped.
 */
export function WorkflowProgress({ workflowId, title = "Workflow progress", onFinished }: WorkflowProgressProps) {
  const query = useQuery({
    queryKey: ["workflow", workflowId],
    queryFn: ({ signal }) => getWorkflow(workflowId, signal),
    refetchInterval: (q) => (isFinished(q.state.data?.runtimeStatus) ? false : 1500),
  });
  const workflow = query.data;
  const steps = workflow?.steps ?? [];
  const done = new Set(workflow?.completedSteps ?? []);
  const finished = isFinished(workflow?.runtimeStatus);
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!workflow || !finished || reported.current === workflow.id) return;
    reported.current = workflow.id;
    onFinished?.(workflow);
  }, [workflow, finished, onFinished]);

  return (
    <section className="workflow-progress" aria-label={title}>
      <div className="workflow-progress-head">
        <h3>{title}</h3>
        {workflow ? <StatusBadge status={workflow.runtimeStatus} /> : <span className="muted">Starting…</span>}
      </div>
      {steps.length ? (
        <>
          <progress max={steps.length} value={finished && workflow?.runtimeStatus === "Completed" ? steps.length : done.size} aria-label={`${title}: ${done.size} of ${steps.length} steps`} />
          <ol className="steps">
            {steps.map((step) => {
              const state = done.has(step) ? "done" : step === workflow?.currentStep ? "now" : finished ? "skipped" : "not yet";
              return (
                <li key={step} className={done.has(step) ? "step step-done" : "step"} aria-current={state === "now" ? "step" : undefined}>
                  <span aria-hidden="true">{state === "done" ? "✓" : state === "now" ? "…" : state === "skipped" ? "–" : "○"}</span> {stepLabel(step)}
                  <span className="visually-hidden"> ({state})</span>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
      <p className="muted" aria-live="polite">
        {workflow ? describe(workflow) : "Waiting for the first status…"}
      </p>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      <p>
        <Link to={`/workflows/${encodeURIComponent(workflowId)}`}>Open workflow {workflowId}</Link>
      </p>
    </section>
  );
}

/** One line: the status and when it changed, plus what only this line can say (a custom status, the error, the last event). */
function describe(workflow: Workflow): string {
  const custom = workflow.customStatus && workflow.customStatus !== workflow.runtimeStatus ? workflow.customStatus : "";
  const last = (workflow.history ?? []).at(-1);
  const running = !isFinished(workflow.runtimeStatus);
  const lastText = running && last ? `Last: ${last.name ?? last.eventType}${last.status ? ` (${last.status})` : ""}` : "";
  const error = workflow.error ? `Error: ${workflow.error}` : "";
  return [`${workflow.runtimeStatus} · updated ${formatDateTime(workflow.lastUpdatedTime, { seconds: true })}`, custom, lastText, error].filter(Boolean).join(" · ");
}

/** A step's name as people read it: "RemoveRoles" is "Remove roles". */
export function stepLabel(step: string): string {
  const words = step.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
