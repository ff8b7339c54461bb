import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getWorkflow, isFinished, raiseWorkflowEvent, terminateWorkflow } from "../../api/workflows";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextAreaField, TextField } from "../../components/Field";
import { JsonBlock, KeyValues, PageHeader, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDateTime } from "../../lib/format";

export default function WorkflowDetailPage() {
  const id = useParams().id ?? "";
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const [terminating, setTerminating] = useState(false);
  const workflow = useQuery({
    queryKey: ["workflow", id],
    queryFn: ({ signal }) => getWorkflow(id, signal),
    refetchInterval: (q) => (isFinished(q.state.data?.runtimeStatus) ? false : 2000),
  });
  const manage = can(Permissions.workflowsManage);

  return (
    <QueryState query={workflow} label="Loading workflow…">
      {(w) => (
        <>
          <PageHeader
            title={w.type}
            description={<><code>{w.id}</code> · <StatusBadge status={w.runtimeStatus} /></>}
            back={<Link to="/workflows">← Workflows</Link>}
            actions={manage && !isFinished(w.runtimeStatus) ? <Button variant="danger" onClick={() => setTerminating(true)}>Terminate</Button> : null}
          />
          {!isFinished(w.runtimeStatus) ? <p className="muted" role="status">Refreshing every 2 seconds while it runs.</p> : null}
          <div className="grid">
            <Section title="Status">
              <KeyValues items={[
                ["Status", <StatusBadge status={w.runtimeStatus} />],
                ["Started", formatDateTime(w.createdTime, { seconds: true })],
                ["Updated", formatDateTime(w.lastUpdatedTime, { seconds: true })],
              ]} />
              <h3>Custom status</h3>
              <JsonBlock value={w.customStatus} label="Custom status" />
            </Section>
            <Section title="Input and output">
              <h3>Input</h3>
              <JsonBlock value={w.input} label="Input" />
              <h3>Output</h3>
              <JsonBlock value={w.output} label="Output" />
            </Section>
          </div>
          <Section title="History">
            <DataTable
              caption="Workflow history"
              rows={(w.history ?? []).map((event, index) => ({ ...event, index }))}
              rowKey={(e) => String(e.index)}
              empty="No history yet."
              columns={[
                { header: "When", cell: (e) => formatDateTime(e.timestamp, { seconds: true }) },
                { header: "Event", cell: (e) => e.eventType },
                { header: "Step", cell: (e) => e.name ?? "—" },
                { header: "Status", cell: (e) => (e.status ? <StatusBadge status={e.status} /> : "—") },
                { header: "Detail", cell: (e) => e.detail ?? "" },
              ]}
            />
          </Section>
          {manage && !isFinished(w.runtimeStatus) ? <RaiseEvent id={w.id} onRaised={() => client.invalidateQueries({ queryKey: ["workflow", id] })} /> : null}
          <ConfirmDialog
            open={terminating}
            title="Terminate workflow"
            confirmLabel="Terminate"
            destructive
            onClose={() => setTerminating(false)}
            onConfirm={async (reason) => {
              await terminateWorkflow(id, reason);
              notify("Termination requested.");
              await client.invalidateQueries({ queryKey: ["workflow", id] });
            }}
          >
            <p>Steps not yet run will not run. Steps already done are not undone.</p>
          </ConfirmDialog>
        </>
      )}
    </QueryState>
  );
}

function RaiseEvent({ id, onRaised }: { id: string; onRaised: () => unknown }) {
  const notify = useToast();
  const [name, setName] = useState("");
  const [payload, setPayload] = useState("");
  let parsed: { value?: unknown; error?: string } = { value: undefined };
  if (payload.trim()) {
    try {
      parsed = { value: JSON.parse(payload) };
    } catch (error) {
      parsed = { error: `Not valid JSON: ${(error as Error).message}` };
    }
  }
  const raise = useMutation({
    mutationFn: () => raiseWorkflowEvent(id, name.trim(), parsed.value ?? null),
    onSuccess: () => {
      notify(`Event ${name} raised.`);
      setPayload("");
      void onRaised();
    },
  });
  return (
    <Section title="Raise an event">
      <p className="muted">For a workflow waiting on an external event, such as an approval.</p>
      <form onSubmit={(e) => { e.preventDefault(); raise.mutate(); }}>
        <TextField label="Event name" required value={name} onChange={(e) => setName(e.target.value)} />
        <TextAreaField label="Payload (JSON, optional)" rows={4} className="mono" value={payload} onChange={(e) => setPayload(e.target.value)} error={parsed.error} />
        <ErrorAlert error={raise.error} />
        <Button type="submit" busy={raise.isPending} disabled={!name.trim() || !!parsed.error}>Raise event</Button>
      </form>
    </Section>
  );
}
