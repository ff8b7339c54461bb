import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { listWebhookEvents, replayWebhookEvent, type WebhookEventStatus } from "../../api/finance";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { SelectField } from "../../components/Field";
import { ListState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDateTime } from "../../lib/format";

const statuses: { value: WebhookEventStatus; label: string }[] = [
  { value: "failed", label: "Failed" },
  { value: "received", label: "Received, not yet run" },
  { value: "not-processed", label: "Not processed (ignored)" },
];

type WebhookEvent = Awaited<ReturnType<typeof listWebhookEvents>>["items"][number];

/**
 * Stripe events that failed, or wait to run: none ends silently in a poison queue. Finance reads why each failed and
 * replays a failed one (finance.manage, with a reason): it goes back to "received" and runs again.
 */
export function WebhookEventsPanel() {
  const { can } = useAccess();
  const notify = useToast();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<WebhookEventStatus>("failed");
  const [replaying, setReplaying] = useState<WebhookEvent | null>(null);
  const list = useCursorList(["webhook-events", status], (cursor, signal) => listWebhookEvents(status, cursor, signal), { refetchInterval: 15_000 });

  return (
    <div>
      <SelectField label="Show" options={statuses} value={status} onChange={(e) => setStatus(e.target.value as WebhookEventStatus)} />
      <ListState list={list} noun="Stripe events">
        <DataTable
          caption="Stripe webhook events"
          rows={list.items}
          rowKey={(e) => e.id}
          empty={status === "failed" ? "No failed Stripe events." : "No Stripe events with this status."}
          columns={[
            { header: "Event", cell: (e) => <code className="nowrap">{e.id}</code> },
            { header: "Type", cell: (e) => e.type },
            { header: "Created in Stripe", cell: (e) => formatDateTime(e.created) },
            { header: "Customer", cell: (e) => (e.customerId ? <code>{e.customerId}</code> : "—") },
            { header: "Status", cell: (e) => <StatusBadge status={e.status} tone={e.status === "failed" ? "bad" : undefined} /> },
            { header: "Why", cell: (e) => e.detail ?? "" },
            ...(can(Permissions.financeManage) && status === "failed"
              ? [{ header: "Action", cell: (e: WebhookEvent) => <Button size="sm" onClick={() => setReplaying(e)}>Replay {e.id}</Button> }]
              : []),
          ]}
        />
      </ListState>
      <ConfirmDialog
        open={replaying !== null}
        title={`Replay ${replaying?.id ?? ""}`}
        confirmLabel="Replay"
        onClose={() => setReplaying(null)}
        onConfirm={async (reason) => {
          await replayWebhookEvent(replaying!.id, reason);
          notify(`${replaying!.id} queued to run again.`);
          await queryClient.invalidateQueries({ queryKey: ["webhook-events"] });
        }}
      >
        <p>{replaying?.type} for {replaying?.customerId ?? "no customer"}, created {replaying ? formatDateTime(replaying.created) : ""}.</p>
        {replaying?.detail ? <p className="muted">It failed with: {replaying.detail}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
