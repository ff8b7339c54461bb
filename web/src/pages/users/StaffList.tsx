import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { createStaff, listRoles, listStaff } from "../../api/staff";
import type { StaffFilters } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { CheckboxField, SelectField, TextField } from "../../components/Field";
import { Toolbar } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { clean } from "../../lib/filters";
import { formatLastSignIn } from "../../lib/format";

const statuses = ["active", "suspended", "offboarded"];

export function StaffList() {
  const { can } = useAccess();
  const [draft, setDraft] = useState<StaffFilters>({});
  const [filters, setFilters] = useState<StaffFilters>({});
  const [creating, setCreating] = useState(false);
  const roles = useQuery({ queryKey: ["roles"], queryFn: ({ signal }) => listRoles(signal), staleTime: 5 * 60_000 });
  const list = useCursorList(["staff", filters], (cursor, signal) => listStaff(filters, cursor, signal));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(clean(draft));
  };

  return (
    <div>
      <form onSubmit={apply} className="filters" role="search" aria-label="Filter staff">
        <TextField label="Search" type="search" placeholder="Name or email" value={draft.q ?? ""} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <SelectField label="Status" placeholder="Any status" options={statuses} value={draft.status ?? ""} onChange={(e) => setDraft({ ...draft, status: e.target.value })} />
        <SelectField label="Role" placeholder="Any role" options={(roles.data ?? []).map((r) => r.name)} value={draft.role ?? ""} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
        <Toolbar label="Filter actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          <Button onClick={() => { setDraft({}); setFilters({}); }}>Clear</Button>
          {can(Permissions.staffManage) ? <Button onClick={() => setCreating(true)}>Add staff member</Button> : null}
        </Toolbar>
      </form>
      <ListState list={list} noun="staff members">
        <DataTable
          caption="Staff"
          rows={list.items}
          rowKey={(s) => s.id}
          empty="No staff match these filters."
          columns={[
            { header: "Name", cell: (s) => <Link to={`/dashboard/users/staff/${encodeURIComponent(s.id)}`}>{s.displayName || s.email}</Link> },
            { header: "Email", cell: (s) => s.email },
            { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            { header: "Roles", cell: (s) => (s.roles.length ? s.roles.join(", ") : <span className="muted">none</span>) },
            { header: "Last sign-in", cell: (s) => formatLastSignIn(s.lastLoginAt) },
          ]}
        />
      </ListState>
      <CreateStaffDialog open={creating} onClose={() => setCreating(false)} roleNames={(roles.data ?? []).map((r) => r.name)} />
    </div>
  );
}

function CreateStaffDialog({ open, onClose, roleNames }: { open: boolean; onClose: () => void; roleNames: string[] }) {
  const client = useQueryClient();
  const notify = useToast();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const create = useMutation({
    mutationFn: () => createStaff({ email, displayName, roles: selected, ...(reason ? { reason } : {}) }),
    onSuccess: (staff) => {
      notify(`Added ${staff.email}.`);
      void client.invalidateQueries({ queryKey: ["staff"] });
      setEmail(""); setDisplayName(""); setSelected([]); setReason("");
      onClose();
    },
  });
  return (
    <Dialog open={open} title="Add a staff member" onClose={onClose} locked={create.isPending}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <TextField label="Work email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(create.error, "email")} autoFocus />
        <TextField label="Display name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fieldError(create.error, "displayName")} />
        <fieldset className="fieldset">
          <legend>Roles</legend>
          {roleNames.map((name) => (
            <CheckboxField key={name} label={name} checked={selected.includes(name)} onChange={(e) => setSelected(e.target.checked ? [...selected, name] : selected.filter((r) => r !== name))} />
          ))}
          {fieldError(create.error, "roles") ? <p className="field-error">{fieldError(create.error, "roles")}</p> : null}
        </fieldset>
        <TextField label="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorAlert error={create.error} hideFieldErrors />
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={create.isPending}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>Add staff member</Button>
        </div>
      </form>
    </Dialog>
  );
}
