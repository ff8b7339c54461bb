import { useState } from "react";
import { listTransactions } from "../../api/finance";
import { useCursorList } from "../../api/useCursorList";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { ExternalLink } from "../../components/ExternalLink";
import { ListState } from "../../components/ListState";
import { formatDateTime, formatMoney } from "../../lib/format";
import { TenantSelect } from "../../components/Names";

export function TransactionsPanel() {
  const [draft, setDraft] = useState("");
  const [tenantId, setTenantId] = useState("");
  const list = useCursorList(["finance", "transactions", tenantId], (cursor, signal) => listTransactions(tenantId, cursor, signal), { enabled: !!tenantId });
  return (
    <div>
      <form className="filters" role="search" aria-label="Search transactions" onSubmit={(e) => { e.preventDefault(); setTenantId(draft.trim()); }}>
        <TenantSelect label="Tenant" required value={draft} onChange={setDraft} />
        <div className="toolbar">
          <Button type="submit" variant="primary">Search</Button>
          <Button onClick={() => { setDraft(""); setTenantId(""); }}>Clear</Button>
        </div>
      </form>
      {tenantId ? <ListState list={list} noun="transactions">
        <DataTable
          caption="Transactions"
          rows={list.items}
          rowKey={(t) => t.id}
          empty="No transactions."
          columns={[
            { header: "Date", cell: (t) => formatDateTime(t.created) },
            { header: "Id", cell: (t) => <code>{t.id}</code> },
            { header: "Kind", cell: (t) => t.kind },
            { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
            { header: "Amount", cell: (t) => formatMoney(t.amount, t.currency), className: "num" },
            { header: "Refunded", cell: (t) => formatMoney(t.amountRefunded, t.currency), className: "num" },
            { header: "Stripe", cell: (t) => <ExternalLink href={t.stripeDashboardUrl}>View in Stripe</ExternalLink> },
          ]}
        />
      </ListState> : <p className="muted">Enter a tenant id to list its invoices and charges.</p>}
    </div>
  );
}
