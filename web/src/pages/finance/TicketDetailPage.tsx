import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getTicket, ticketStatuses, updateTicket } from "../../api/finance";
import type { Ticket } from "../../api/types";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { ExternalLink } from "../../components/ExternalLink";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { KeyValues, PageHeader, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { WorkflowProgress } from "../../components/WorkflowProgress";
import { formatDateTime } from "../../lib/format";

export default function TicketDetailPage() {
  const id = useParams().id ?? "";
  const { can } = useAccess();
  const ticket = useQuery({ queryKey: ["tickets", "detail", id], queryFn: ({ signal }) => getTicket(id, signal) });
  return (
    <QueryState query={ticket} label="Loading ticket…">
      {({ value, etag }) => (
        <>
          <PageHeader
            title={`${value.key ?? value.id}: ${value.subject}`}
            description={<>{value.type} · <StatusBadge status={value.status} /></>}
            back={<Link to="/dashboard/finance?tab=tickets">← Tickets</Link>}
            actions={<ExternalLink href={value.externalUrl}>Open in the ticket system</ExternalLink>}
          />
          <div className="grid">
            <Section title="Details">
              <KeyValues items={[
                ["Queue", value.queue],
                ["Status", <StatusBadge status={value.status} />],
                ["Tenant", value.tenantId ? <Link to={`/dashboard/finance?tenant=${encodeURIComponent(value.tenantId)}`}><code>{value.tenantId}</code></Link> : "—"],
                ["Assignee", value.assignee ?? "—"],
                ["Created", formatDateTime(value.createdAt)],
                ["Updated", formatDateTime(value.updatedAt)],
              ]} />
              {value.description ? <p className="prewrap">{value.description}</p> : null}
            </Section>
            {can(Permissions.ticketsManage) ? (
              <Section title="Update">
                <UpdateTicket ticket={value} etag={etag} />
              </Section>
            ) : null}
          </div>
          {value.workflowId && can(Permissions.workflowsRead) ? (
            <Section title="Workflow">
              <WorkflowProgress workflowId={value.workflowId} title="Linked workflow" />
            </Section>
          ) : null}
        </>
      )}
    </QueryState>
  );
}

function UpdateTicket({ ticket, etag }: { ticket: Ticket; etag: string | null }) {
  const client = useQueryClient();
  const notify = useToast();
  const [form, setForm] = useState({ status: ticket.status, assignee: ticket.assignee ?? "", comment: "", reason: "" });
  const save = useMutation({
    mutationFn: () => {
      const changes: { status?: string; assignee?: string | null; comment?: string; reason?: string } = {};
      if (form.status !== ticket.status) changes.status = form.status;
      if (form.assignee !== (ticket.assignee ?? "")) changes.assignee = form.assignee.trim() || null;
      if (form.comment.trim()) changes.comment = form.comment.trim();
      if (form.reason.trim()) changes.reason = form.reason.trim();
      return updateTicket(ticket.id, changes, etag);
    },
    onSuccess: () => {
      notify("Ticket updated.");
      setForm((f) => ({ ...f, comment: "", reason: "" }));
      void client.invalidateQueries({ queryKey: ["tickets"] });
    },
  });
  const statuses = ticketStatuses.includes(ticket.status) ? ticketStatuses : [ticket.status, ...ticketStatuses];
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <SelectField label="Status" options={statuses} value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })} error={fieldError(save.error, "status")} />
      <TextField label="Assignee" value={form.assignee} onChange={(e) => setForm({ ...form, assignee: e.target.value })} error={fieldError(save.error, "assignee")} />
      <TextAreaField label="Comment" rows={3} value={form.comment} onChange={(e) => setForm({ ...form, comment: e.target.value })} error={fieldError(save.error, "comment")} />
      <TextField label="Reason (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
      <ErrorAlert error={save.error} hideFieldErrors />
      <Button type="submit" variant="primary" busy={save.isPending}>Update ticket</Button>
    </form>
  );
}
