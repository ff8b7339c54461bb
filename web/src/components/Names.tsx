import { Link } from "react-router";
import { useStaffDirectory, useTenantDirectory } from "../api/directory";
import { Permissions } from "../auth/permissions";
import { useAccess } from "../auth/useAuth";
import { SelectField, TextField } from "./Field";

/** A tenant by name, linked to its page; the id shows (as the title, or as the text until the name is known). */
export function TenantLink({ id }: { id: string | null | undefined }) {
  const { can } = useAccess();
  const tenants = useTenantDirectory(can(Permissions.tenantsRead));
  if (!id) return <>—</>;
  const name = tenants?.get(id)?.name;
  return (
    <Link to={`/dashboard/tenants/${encodeURIComponent(id)}`} title={id}>
      {name ?? <code>{id}</code>}
    </Link>
  );
}

/** A staff member by name, with their email, linked to their page; the id when they are unknown (or not listable). */
export function StaffLink({ id, email }: { id: string | null | undefined; email?: string | null }) {
  const { can } = useAccess();
  const staff = useStaffDirectory(can(Permissions.staffRead));
  if (!id) return <>—</>;
  if (id.startsWith("system:")) return <span title={id}>{id.slice("system:".length)} (system)</span>;
  const member = staff?.get(id);
  const label = member ? member.name : email ?? null;
  return (
    <Link to={`/dashboard/users/staff/${encodeURIComponent(id)}`} title={member?.email ?? email ?? id}>
      {label ?? <code>{id}</code>}
      {member?.email && member.email !== member.name ? <span className="muted small"> {member.email}</span> : null}
    </Link>
  );
}

/** A tenant chosen by name (the directory of tenants); its value is the tenant id. Without tenants.read, the id is typed. */
export function TenantSelect(props: { label: string; value: string; onChange: (id: string) => void; required?: boolean; placeholder?: string; error?: string }) {
  const { can } = useAccess();
  const listable = can(Permissions.tenantsRead);
  const tenants = useTenantDirectory(listable);
  if (!listable) {
    return <TextField label={`${props.label} id`} required={props.required} value={props.value} onChange={(e) => props.onChange(e.target.value.trim())} error={props.error} />;
  }
  const options = [...(tenants?.entries() ?? [])].map(([id, t]) => ({ value: id, label: t.name })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <SelectField label={props.label} required={props.required} placeholder={props.placeholder ?? "Choose a tenant"} options={options} value={props.value}
      onChange={(e) => props.onChange(e.target.value)} error={props.error} hint={tenants ? undefined : "Loading tenants…"} />
  );
}
