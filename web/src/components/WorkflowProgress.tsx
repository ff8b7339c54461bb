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
  /** The steps the workflow is known to run, in order, to show how far it got. */
  steps?: readonly string[];
  title?: string;
  /** Called once when the workflow completes, fails or is terminated: the screen reloads what the workflow changed. */
  onFinished?: (workflow: Workflow) => void;
}

/** Polls GET /api/workflows/{id} until the workflow completes, fails or is terminated. */
export function WorkflowProgress({ workflowId, steps, title = "Workflow progress", onFinished }: WorkflowProgressProps) {
  const query = useQuery({
    queryKey: ["workflow", workflowId],
    queryFn: ({ signal }) => getWorkflow(workflowId, signal),
    refetchInterval: (q) => (isFinished(q.state.data?.runtimeStatus) ? false : 1500),
  });
  const workflow = query.data;
  const done = completedSteps(workflow, steps);
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
      {steps?.length ? (
        <>
          <progress max={steps.length} value={finished && workflow?.runtimeStatus === "Completed" ? steps.length : done.size} aria-label={`${title}: ${done.size} of ${steps.length} steps`} />
          <ol className="steps">
            {steps.map((step) => (
              <li key={step} className={done.has(step) ? "step step-done" : "step"}>
                <span aria-hidden="true">{done.has(step) ? "✓" : "○"}</span> {step}
                <span className="visually-hidden">{done.has(step) ? " (done)" : " (not yet)"}</span>
              </li>
            ))}
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

/** A step counts as done when the history records it as completed; names are compared loosely. */
function completedSteps(workflow: Workflow | undefined, steps: readonly string[] | undefined): Set<string> {
  const done = new Set<string>();
  if (!workflow || !steps) return done;
  const normalize = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");
  for (const event of workflow.history ?? []) {
    const name = normalize(event.name ?? "");
    const completed = /complet|succeed|done/i.test(`${event.eventType} ${event.status ?? ""}`);
    if (!name || !completed) continue;
    for (const step of steps) if (normalize(step) === name || name.includes(normalize(step))) done.add(step);
  }
  return done;
}
