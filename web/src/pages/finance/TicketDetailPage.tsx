import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getTicket, ticketStatuses, updateTicket, type TicketStatus } from "../../api/finance";
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
import { formatDateTime } from "../../lib/format";
import { TenantLink } from "../../components/Names";

export default function TicketDetailPage() {
  const id = useParams().id ?? "";
  const { can } = useAccess();
  const ticket = useQuery({ queryKey: ["tickets", "detail", id], queryFn: ({ signal }) => getTicket(id, signal) });
  return (
    <QueryState query={ticket} label="Loading ticket…">
      {({ value, etag }) => (
        <>
          <PageHeader
            title={value.subject}
            description={<><code>{value.id}</code> · <StatusBadge status={value.status} /></>}
            back={<Link to="/dashboard/finance?tab=tickets">← Tickets</Link>}
          />
          <div className="grid">
            <Section title="Details">
              <KeyValues items={[
                ["Type", value.type],
                ["Queue", value.queue],
                ["Status", <StatusBadge status={value.status} />],
                ["Priority", value.priority],
                ["Tenant", <TenantLink id={value.tenantId} />],
                ["Invoice", value.invoiceId ? <code>{value.invoiceId}</code> : "—"],
                ["Workflow", value.workflowId ? <Link to={`/workflows/${encodeURIComponent(value.workflowId)}`}><code>{value.workflowId}</code></Link> : "—"],
                ["Assignee", value.assignee ?? "—"],
                ["External", value.externalUrl ? <ExternalLink href={value.externalUrl}>{value.key ?? "Open"}</ExternalLink> : "—"],
                ["Created", formatDateTime(value.createdAt)],
                ["Updated", formatDateTime(value.updatedAt)],
              ]} />
              {value.description ? <p className="prewrap">{value.description}</p> : null}
            </Section>
            <Section title="Comments">
              {value.comments?.length ? (
                <ul>{value.comments.map((c) => <li key={c.id} className="prewrap"><strong>{c.author}</strong> · {formatDateTime(c.createdAt)}: {c.text}</li>)}</ul>
              ) : <p>No comments yet.</p>}
            </Section>
            {can(Permissions.ticketsManage) ? (
              <Section title="Update">
                <UpdateTicket ticket={value} etag={etag} />
              </Section>
            ) : null}
          </div>
        </>
      )}
    </QueryState>
  );
}

function UpdateTicket({ ticket, etag }: { ticket: Ticket; etag: string | null }) {
  const client = useQueryClient();
  const notify = useToast();
  const [form, setForm] = useState<{ status: TicketStatus; assignee: string; comment: string; reason: string }>({ status: ticket.status, assignee: "", comment: "", reason: "" });
  const save = useMutation({
    mutationFn: () => {
      const changes: { status?: string; assignee?: string | null; comment?: string; reason?: string } = {};
      if (form.status !== ticket.status) changes.status = form.status;
      if (form.assignee.trim()) changes.assignee = form.assignee.trim();
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
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <SelectField label="Status" options={ticketStatuses} value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as TicketStatus })} error={fieldError(save.error, "status")} />
      <TextField label="Assign to (optional)" value={form.assignee} onChange={(e) => setForm({ ...form, assignee: e.target.value })} error={fieldError(save.error, "assignee")} />
      <TextAreaField label="Comment" rows={3} value={form.comment} onChange={(e) => setForm({ ...form, comment: e.target.value })} error={fieldError(save.error, "comment")} />
      <TextField label="Reason (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
      <ErrorAlert error={save.error} hideFieldErrors />
      <Button type="submit" variant="primary" busy={save.isPending}>Update ticket</Button>
    </form>
  );
}
