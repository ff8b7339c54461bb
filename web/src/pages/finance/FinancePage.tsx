import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { PageHeader } from "../../components/Layout";
import { Tabs, type Tab } from "../../components/Tabs";
import { RefundsPanel } from "./RefundsPanel";
import { TenantBillingPanel } from "./TenantBillingPanel";
import { TicketsPanel } from "./TicketsPanel";
import { TransactionsPanel } from "./TransactionsPanel";
import { WebhookEventsPanel } from "./WebhookEventsPanel";

export default function FinancePage() {
  const { can } = useAccess();
  const tabs: Tab[] = [];
  if (can(Permissions.financeRead)) {
    tabs.push({ id: "billing", label: "Tenant billing", render: () => <TenantBillingPanel /> });
    tabs.push({ id: "transactions", label: "Transactions", render: () => <TransactionsPanel /> });
    tabs.push({ id: "events", label: "Stripe events", render: () => <WebhookEventsPanel /> });
  }
  if (can(Permissions.workflowsRead) && can(Permissions.financeRead)) tabs.push({ id: "refunds", label: "Refund requests", render: () => <RefundsPanel /> });
  if (can(Permissions.ticketsRead)) tabs.push({ id: "tickets", label: "Tickets", render: () => <TicketsPanel /> });

  return (
    <>
      <PageHeader title="Finance" description="Tenant billing against Stripe, transactions, disputes, refunds and the finance ticket queue." />
      <Tabs label="Finance" tabs={tabs} />
    </>
  );
}
