import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { UserFilters } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { createUser, exportUsers, listUsers, platformUserRoles } from "../../api/users";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { Toolbar } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { clean } from "../../lib/filters";
import { formatLastSignIn } from "../../lib/format";
import { TenantLink, TenantSelect } from "../../components/Names";

export const userStatuses = ["active", "banned"];

export function PlatformUserList() {
  const { can } = useAccess();
  const [draft, setDraft] = useState<UserFilters>({});
  const [filters, setFilters] = useState<UserFilters>({});
  const [creating, setCreating] = useState(false);
  const list = useCursorList(["users", filters], (cursor, signal) => listUsers(filters, cursor, signal));
  const exporting = useMutation({ mutationFn: () => exportUsers(filters) });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(clean(draft));
  };

  return (
    <div>
      <form onSubmit={apply} className="filters" role="search" aria-label="Filter platform users">
        <TextField label="Search" type="search" placeholder="Name or email" value={draft.q ?? ""} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <TenantSelect label="Tenant" placeholder="Any tenant" value={draft.tenantId ?? ""} onChange={(id) => setDraft({ ...draft, tenantId: id })} />
        <SelectField label="Status" placeholder="Any status" options={userStatuses} value={draft.status ?? ""} onChange={(e) => setDraft({ ...draft, status: e.target.value })} />
        <SelectField label="Role" placeholder="Any role" options={platformUserRoles} value={draft.role ?? ""} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
        <Toolbar label="Filter actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          <Button onClick={() => { setDraft({}); setFilters({}); }}>Clear</Button>
          {can(Permissions.usersExport) ? <Button onClick={() => exporting.mutate()} busy={exporting.isPending}>Export CSV</Button> : null}
          {can(Permissions.usersManage) ? <Button onClick={() => setCreating(true)}>Add user</Button> : null}
        </Toolbar>
      </form>
      <ErrorAlert error={exporting.error} />
      <ListState list={list} noun="users">
        <DataTable
          caption="Platform users"
          rows={list.items}
          rowKey={(u) => u.id}
          empty="No users match these filters."
          columns={[
            { header: "Name", cell: (u) => <Link to={`/dashboard/users/platform/${encodeURIComponent(u.id)}`}>{u.displayName || u.email}</Link> },
            { header: "Email", cell: (u) => u.email },
            { header: "Tenant", cell: (u) => <TenantLink id={u.tenantId} /> },
            { header: "Role", cell: (u) => u.role },
            { header: "Status", cell: (u) => <StatusBadge status={u.status} /> },
            { header: "Last sign-in", cell: (u) => formatLastSignIn(u.lastLoginAt) },
          ]}
        />
      </ListState>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const notify = useToast();
  const empty = { tenantId: "", email: "", displayName: "", role: "" };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () => createUser(form),
    onSuccess: (user) => {
      notify(`Added ${user.email}.`);
      void client.invalidateQueries({ queryKey: ["users"] });
      setForm(empty);
      onClose();
    },
  });
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    error: fieldError(create.error, name),
    required: true,
  });
  return (
    <Dialog open={open} title="Add a platform user" onClose={onClose} locked={create.isPending}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <TenantSelect label="Tenant" required value={form.tenantId} onChange={(id) => setForm({ ...form, tenantId: id })} error={fieldError(create.error, "tenantId")} />
        <TextField label="Email" type="email" {...field("email")} hint="Unique within the tenant." />
        <TextField label="Display name" {...field("displayName")} />
        <SelectField label="Role" placeholder="Choose a role" options={platformUserRoles} {...field("role")} />
        <ErrorAlert error={create.error} hideFieldErrors />
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={create.isPending}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>Add user</Button>
        </div>
      </form>
    </Dialog>
  );
}
