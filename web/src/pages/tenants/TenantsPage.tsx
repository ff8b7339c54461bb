import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { PageHeader } from "../../components/Layout";
import { Tabs, type Tab } from "../../components/Tabs";
import { FlagsPanel } from "./FlagsPanel";
import { SettingsPanel } from "./SettingsPanel";
import { TenantList } from "./TenantList";

export default function TenantsPage() {
  const { can, canAny } = useAccess();
  const tabs: Tab[] = [];
  if (can(Permissions.tenantsRead)) {
    tabs.push({ id: "onboarding", label: "Onboarding queue", render: () => <TenantList onboarding /> });
    tabs.push({ id: "all", label: "All tenants", render: () => <TenantList /> });
  }
  if (canAny([Permissions.flagsRead, Permissions.flagsManage])) tabs.push({ id: "flags", label: "Feature flags", render: () => <FlagsPanel /> });
  if (canAny([Permissions.settingsRead, Permissions.settingsManage])) tabs.push({ id: "settings", label: "Platform settings", render: () => <SettingsPanel /> });

  return (
    <>
      <PageHeader title="Tenants" description="Onboarding, tenant settings, feature flags and platform-wide settings." />
      <Tabs label="Tenant administration" tabs={tabs} />
    </>
  );
}
