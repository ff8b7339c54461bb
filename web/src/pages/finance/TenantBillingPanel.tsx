import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { getTenantBilling, openDispute, reconcileTenant, requestRefund, syncTenant } from "../../api/finance";
import type { Reconciliation } from "../../api/types";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ExternalLink } from "../../components/ExternalLink";
import { KeyValues, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { WorkflowProgress } from "../../components/WorkflowProgress";
import { formatDateTime, formatMoney } from "../../lib/format";
import { TenantLink, TenantSelect } from "../../components/Names";

type Action = { kind: "sync" } | { kind: "dispute" } | { kind: "refund"; invoiceId: string };

export function TenantBillingPanel() {
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const [params, setParams] = useSearchParams();
  const tenantId = params.get("tenant") ?? "";
  const [draft, setDraft] = useState(tenantId);
  const [action, setAction] = useState<Action | null>(null);
  const [started, setStarted] = useState<{ workflowId: string; label: string }[]>([]);
  const [disputes, setDisputes] = useState<{ id: string; subject: string }[]>([]);
  const manage = can(Permissions.financeManage);

  const billing = useQuery({ queryKey: ["finance", "billing", tenantId], queryFn: ({ signal }) => getTenantBilling(tenantId, signal), enabled: !!tenantId });
  const reconcile = useMutation({ mutationFn: () => reconcileTenant(tenantId) });

  const choose = (id: string) => {
    setParams((p) => { const next = new URLSearchParams(p); if (id) next.set("tenant", id); else next.delete("tenant"); return next; }, { replace: true });
    reconcile.reset();
  };

  return (
    <div className="stack">
      <form className="filters" role="search" aria-label="Choose a tenant" onSubmit={(e) => { e.preventDefault(); choose(draft.trim()); }}>
        <TenantSelect label="Tenant" required value={draft} onChange={setDraft} />
        <div className="toolbar"><Button type="submit" variant="primary">Show billing</Button></div>
      </form>

      {tenantId ? (
        <QueryState query={billing} label="Loading billing…">
          {(data) => (
            <>
              <Section
                title="Billing"
                actions={
                  <>
                    <ExternalLink href={data.stripeDashboardUrl}>View in Stripe</ExternalLink>
                    <Button size="sm" onClick={() => reconcile.mutate()} busy={reconcile.isPending}>Reconcile with Stripe</Button>
                    {manage ? <Button size="sm" onClick={() => setAction({ kind: "sync" })}>Force sync</Button> : null}
                    {manage ? <Button size="sm" variant="danger" onClick={() => setAction({ kind: "dispute" })}>Open dispute</Button> : null}
                  </>
                }
              >
                <KeyValues items={[
                  ["Tenant", <TenantLink id={data.tenantId} />],
                  ["Status", data.status ? <>{<StatusBadge status={data.status} />}{data.statusAsOf ? ` since ${formatDateTime(data.statusAsOf)}` : ""}</> : "Unknown"],
                  ["Mode", data.testMode ? "Stripe test mode" : "Live"],
                  ["Stripe customer", data.stripeCustomerId ? <code>{data.stripeCustomerId}</code> : "Not linked"],
                  ["Subscription", data.subscription ? <><code>{data.subscription.id}</code> · <StatusBadge status={data.subscription.status} />{data.subscription.cancelAtPeriodEnd ? " · cancels at period end" : ""}{data.subscription.pauseCollection ? ` · collection paused (${data.subscription.pauseCollection})` : ""} · since {formatDateTime(data.subscription.created)} <ExternalLink href={data.subscription.stripeDashboardUrl}>View in Stripe</ExternalLink></> : "None"],
                ]} />
              </Section>

              <ErrorAlert error={reconcile.error} />
              {reconcile.data ? <ReconciliationView result={reconcile.data} /> : null}

              {disputes.length ? (
                <Section title="Disputes opened">
                  <ul>{disputes.map((t) => <li key={t.id}><Link to={`/dashboard/finance/tickets/${encodeURIComponent(t.id)}`}>{t.subject}</Link> (ticket <code>{t.id}</code>)</li>)}</ul>
                </Section>
              ) : null}
              {started.map((run) => (
                <Section key={run.workflowId} title={run.label}>
                  <WorkflowProgress workflowId={run.workflowId} title={`${run.label}: progress`} />
                </Section>
              ))}

              <Section title="Invoices">
                <DataTable
                  caption="Invoices"
                  rows={data.invoices}
                  rowKey={(i) => i.id}
                  empty="No invoices."
                  columns={[
                    { header: "Invoice", cell: (i) => i.number ?? <code>{i.id}</code> },
                    { header: "Date", cell: (i) => formatDateTime(i.created) },
                    { header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
                    { header: "Total", cell: (i) => formatMoney(i.total, i.currency), className: "num" },
                    { header: "Paid", cell: (i) => formatMoney(i.amountPaid, i.currency), className: "num" },
                    { header: "Stripe", cell: (i) => <ExternalLink href={i.stripeDashboardUrl}>View in Stripe</ExternalLink> },
                    ...(manage ? [{ header: "Refund", cell: (i: { id: string; number: string | null }) => <Button size="sm" onClick={() => setAction({ kind: "refund", invoiceId: i.id })} aria-label={`Request a refund of ${i.number ?? i.id}`}>Request refund</Button> }] : []),
                  ]}
                />
              </Section>
            </>
          )}
        </QueryState>
      ) : (
        <p className="muted">Enter a tenant id to see its billing, or open a tenant and choose “Billing in Finance”.</p>
      )}

      <ConfirmDialog
        open={action !== null}
        title={action?.kind === "sync" ? "Force a sync from Stripe" : action?.kind === "dispute" ? "Open a billing dispute" : "Request a refund"}
        confirmLabel={action?.kind === "sync" ? "Sync now" : action?.kind === "dispute" ? "Open dispute" : "Request refund"}
        destructive={action?.kind !== "sync"}
        requireReason={action?.kind !== "sync"}
        onClose={() => setAction(null)}
        onConfirm={async (reason) => {
          if (!action) return;
          if (action.kind === "sync") {
            const result = await syncTenant(tenantId, reason);
            notify(`Synced from Stripe: ${result.invoices} invoices and ${result.charges} charges read, ${result.changed} changed, ${result.unchanged} unchanged.`);
            await client.invalidateQueries({ queryKey: ["finance"] });
          } else if (action.kind === "dispute") {
            const ticket = await openDispute(tenantId, reason);
            setDisputes((all) => [...all, { id: ticket.id, subject: ticket.subject }]);
            notify("Billing dispute opened in the finance queue.");
            await client.invalidateQueries({ queryKey: ["tickets"] });
          } else {
            const result = await requestRefund(tenantId, action.invoiceId, reason);
            setStarted((all) => [...all, { workflowId: result.workflowId, label: `Refund of ${action.invoiceId}` }]);
            notify("Refund requested; follow the workflow below.");
          }
        }}
      >
        {action?.kind === "refund" ? <p>Starts the refund workflow for invoice <code>{action.invoiceId}</code>: verify the duplicate charge, open a ticket, wait for Stripe's confirmation, notify.</p> : null}
        {action?.kind === "dispute" ? <p>Creates a “Billing Dispute” ticket for the finance queue.</p> : null}
        {action?.kind === "sync" ? <p>Fetches this tenant's customer, subscription and invoices from Stripe and updates the local records.</p> : null}
      </ConfirmDialog>
    </div>
  );
}

function ReconciliationView({ result }: { result: Reconciliation }) {
  const missing = [
    { title: "Missing locally", rows: result.missingLocally },
    { title: "Missing in Stripe", rows: result.missingInStripe },
  ];
  const clean = result.mismatched.length === 0 && missing.every((g) => g.rows.length === 0);
  return (
    <Section title="Reconciliation">
      <p role="status">
        {result.matched.length} matched, {result.mismatched.length} mismatched
        {missing.map((g) => `, ${g.rows.length} ${g.title.toLowerCase()}`).join("")}. {clean ? "Local records agree with Stripe." : ""}
      </p>
      {result.mismatched.length ? (
        <DataTable
          caption="Mismatched"
          showCaption
          rows={result.mismatched}
          rowKey={(r) => `${r.kind}:${r.id}:${r.field}`}
          columns={[
            { header: "Id", cell: (r) => <code>{r.id}</code> },
            { header: "Kind", cell: (r) => r.kind },
            { header: "Field", cell: (r) => r.field },
            { header: "Local", cell: (r) => r.local },
            { header: "Stripe", cell: (r) => r.stripe },
            { header: "Link", cell: (r) => <ExternalLink href={r.stripeDashboardUrl}>View in Stripe</ExternalLink> },
          ]}
        />
      ) : null}
      {missing.filter((g) => g.rows.length).map((group) => (
        <DataTable
          key={group.title}
          caption={group.title}
          showCaption
          rows={group.rows}
          rowKey={(r) => `${r.kind}:${r.id}`}
          columns={[
            { header: "Id", cell: (r) => <code>{r.id}</code> },
            { header: "Kind", cell: (r) => r.kind },
            { header: "Date", cell: (r) => formatDateTime(r.created) },
            { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
            { header: "Amount", cell: (r) => formatMoney(r.amount, r.currency), className: "num" },
            { header: "Refunded", cell: (r) => formatMoney(r.amountRefunded, r.currency), className: "num" },
            { header: "Link", cell: (r) => <ExternalLink href={r.stripeDashboardUrl}>View in Stripe</ExternalLink> },
          ]}
        />
      ))}
    </Section>
  );
}
