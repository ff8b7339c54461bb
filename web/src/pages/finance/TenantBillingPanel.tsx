import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { getTenantBilling, openDispute, reconcileTenant, refundSteps, requestRefund, syncTenant } from "../../api/finance";
import type { Reconciliation } from "../../api/types";
import { workflowIdOf } from "../../api/workflows";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ExternalLink } from "../../components/ExternalLink";
import { TextField } from "../../components/Field";
import { KeyValues, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { WorkflowProgress } from "../../components/WorkflowProgress";
import { formatDateTime, formatMoney } from "../../lib/format";

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
        <TextField label="Tenant id" value={draft} onChange={(e) => setDraft(e.target.value)} required />
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
                  ["Tenant", <Link to={`/dashboard/tenants/${encodeURIComponent(data.tenantId)}`}><code>{data.tenantId}</code></Link>],
                  ["Status", <StatusBadge status={data.status} />],
                  ["Stripe customer", data.stripeCustomerId ? <code>{data.stripeCustomerId}</code> : "Not linked"],
                  ["Subscription", data.subscription ? <>{data.subscription.plan} · <StatusBadge status={data.subscription.status} /> · renews {formatDateTime(data.subscription.currentPeriodEnd)} <ExternalLink href={data.subscription.stripeDashboardUrl}>View in Stripe</ExternalLink></> : "None"],
                  ["Last synced", formatDateTime(data.lastSyncedAt)],
                ]} />
              </Section>

              <ErrorAlert error={reconcile.error} />
              {reconcile.data ? <ReconciliationView result={reconcile.data} /> : null}

              {started.map((run) => (
                <Section key={run.workflowId} title={run.label}>
                  <WorkflowProgress workflowId={run.workflowId} steps={run.label.startsWith("Refund") ? refundSteps : undefined} title={`${run.label}: progress`} />
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
                    { header: "Date", cell: (i) => formatDateTime(i.createdAt) },
                    { header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
                    { header: "Due", cell: (i) => formatMoney(i.amountDue, i.currency), className: "num" },
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
            notify(`Synced from Stripe: ${result.created} created, ${result.updated} updated.`);
            await client.invalidateQueries({ queryKey: ["finance"] });
          } else if (action.kind === "dispute") {
            const result = await openDispute(tenantId, reason);
            const workflowId = workflowIdOf(result);
            if (workflowId) setStarted((all) => [...all, { workflowId, label: "Billing dispute" }]);
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
  const groups = [
    { title: "Mismatched", rows: result.mismatched, tone: "bad" as const },
    { title: "Missing locally", rows: result.missingLocally, tone: "warn" as const },
    { title: "Missing in Stripe", rows: result.missingInStripe, tone: "warn" as const },
  ];
  const clean = groups.every((g) => g.rows.length === 0);
  return (
    <Section title="Reconciliation">
      <p role="status">
        Checked {formatDateTime(result.checkedAt)}: {result.matched.length} matched
        {groups.map((g) => `, ${g.rows.length} ${g.title.toLowerCase()}`).join("")}. {clean ? "Local records agree with Stripe." : ""}
      </p>
      {groups.filter((g) => g.rows.length).map((group) => (
        <DataTable
          key={group.title}
          caption={group.title}
          showCaption
          rows={group.rows}
          rowKey={(r) => `${r.stripeId ?? ""}:${r.localId ?? ""}`}
          columns={[
            { header: "Stripe id", cell: (r) => (r.stripeId ? <code>{r.stripeId}</code> : "—") },
            { header: "Local id", cell: (r) => (r.localId ? <code>{r.localId}</code> : "—") },
            { header: "Local amount", cell: (r) => formatMoney(r.localAmount, r.currency), className: "num" },
            { header: "Stripe amount", cell: (r) => formatMoney(r.stripeAmount, r.currency), className: "num" },
            { header: "Detail", cell: (r) => r.detail ?? "" },
            { header: "Stripe", cell: (r) => <ExternalLink href={r.stripeDashboardUrl}>View in Stripe</ExternalLink> },
          ]}
        />
      ))}
    </Section>
  );
}
