import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { PageHeader } from "../../components/Layout";
import { Tabs, type Tab } from "../../components/Tabs";
import { BulkPanel } from "./BulkPanel";
import { PlatformUserList } from "./PlatformUserList";
import { StaffList } from "./StaffList";

export default function UsersPage() {
  const { can } = useAccess();
  const tabs: Tab[] = [];
  if (can(Permissions.staffRead)) tabs.push({ id: "staff", label: "Staff", render: () => <StaffList /> });
  if (can(Permissions.usersRead)) tabs.push({ id: "users", label: "Platform users", render: () => <PlatformUserList /> });
  if (can(Permissions.usersBulkEdit)) tabs.push({ id: "bulk", label: "Bulk operations", render: () => <BulkPanel /> });

  return (
    <>
      <PageHeader title="Users & staff" description="PenguinMails staff and the users of every tenant." />
      <Tabs label="User lists" tabs={tabs} />
    </>
  );
}
