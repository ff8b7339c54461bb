import { Tabs, type Tab } from "../../components/Tabs";
import { BulkByCsv } from "./BulkByCsv";
import { BulkByFilter } from "./BulkByFilter";
import { BulkOperations } from "./BulkOperations";
import { TenantImport } from "./TenantImport";

const modes: Tab[] = [
  { id: "ids", label: "By ids", render: () => <BulkOperations /> },
  { id: "filter", label: "By filter", render: () => <BulkByFilter /> },
  { id: "file", label: "By CSV file", render: () => <BulkByCsv /> },
  { id: "import", label: "Import into a tenant", render: () => <TenantImport /> },
];

/** The four ways to change users in bulk: pasted ids, a filter, a file of ids or emails, and a tenant import. */
export function BulkPanel() {
  return <Tabs label="Select users" tabs={modes} param="bulk" />;
}
