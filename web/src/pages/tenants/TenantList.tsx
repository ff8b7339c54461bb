import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { approveTenant, createTenant, listTenants, rejectTenant, tenantStatuses } from "../../api/tenants";
import type { Tenant } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { Toolbar } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { clean } from "../../lib/filters";
import { formatDateTime } from "../../lib/format";

interface Decision {
  tenant: Tenant;
  approve: boolean;
}

export function TenantList({ onboarding = false }: { onboarding?: boolean }) {
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const [draft, setDraft] = useState<{ status?: string; q?: string }>({});
  const [filters, setFilters] = useState<{ status?: string; q?: string }>(onboarding ? { status: "pending" } : {});
  const [decision, setDecision] = useState<Decision | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useCursorList(["tenants", filters], (cursor, signal) => listTenants(filters, cursor, signal));
  const manage = can(Permissions.tenantsManage);
  const approve = can(Permissions.tenantsApprove);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(clean(draft));
  };

  return (
    <div>
      {onboarding ? (
        <p className="muted">New tenants wait here, oldest first, until someone approves or rejects them.</p>
      ) : (
        <form onSubmit={apply} className="filters" role="search" aria-label="Filter tenants">
          <TextField label="Search" type="search" placeholder="Name or domain" value={draft.q ?? ""} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
          <SelectField label="Status" placeholder="Any status" options={tenantStatuses} value={draft.status ?? ""} onChange={(e) => setDraft({ ...draft, status: e.target.value })} />
          <Toolbar label="Filter actions">
            <Button type="submit" variant="primary">Apply filters</Button>
            <Button onClick={() => { setDraft({}); setFilters({}); }}>Clear</Button>
            {manage ? <Button onClick={() => setCreating(true)}>New tenant</Button> : null}
          </Toolbar>
        </form>
      )}
      <ListState list={list} noun="tenants">
        <DataTable
          caption={onboarding ? "Tenants awaiting approval" : "Tenants"}
          rows={list.items}
          rowKey={(t) => t.id}
          empty={onboarding ? "The onboarding queue is empty." : "No tenants match these filters."}
          columns={[
            { header: "Tenant", cell: (t) => <Link to={`/dashboard/tenants/${encodeURIComponent(t.id)}`}>{t.name}</Link> },
            { header: "Domain", cell: (t) => t.primaryDomain },
            { header: "Plan", cell: (t) => t.plan },
            { header: "Owner", cell: (t) => t.ownerEmail },
            { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
            { header: "Created", cell: (t) => formatDateTime(t.createdAt) },
            ...(approve && onboarding
              ? [{
                  header: "Decision",
                  cell: (t: Tenant) => (
                    <div className="row-actions">
                      <Button size="sm" variant="primary" onClick={() => setDecision({ tenant: t, approve: true })} aria-label={`Approve ${t.name}`}>Approve</Button>
                      <Button size="sm" variant="danger" onClick={() => setDecision({ tenant: t, approve: false })} aria-label={`Reject ${t.name}`}>Reject</Button>
                    </div>
                  ),
                }]
              : []),
          ]}
        />
      </ListState>
      <ConfirmDialog
        open={decision !== null}
        title={decision?.approve ? `Approve ${decision.tenant.name}` : `Reject ${decision?.tenant.name ?? ""}`}
        confirmLabel={decision?.approve ? "Approve" : "Reject"}
        destructive={!decision?.approve}
        requireReason={!decision?.approve}
        onClose={() => setDecision(null)}
        onConfirm={async (reason) => {
          if (!decision) return;
          if (decision.approve) await approveTenant(decision.tenant.id, reason);
          else await rejectTenant(decision.tenant.id, reason);
          notify(`${decision.tenant.name} ${decision.approve ? "approved" : "rejected"}.`);
          await client.invalidateQueries({ queryKey: ["tenants"] });
        }}
      >
        {decision ? <p>{decision.tenant.name} ({decision.tenant.primaryDomain}), owner {decision.tenant.ownerEmail}, plan {decision.tenant.plan}.</p> : null}
      </ConfirmDialog>
      <CreateTenantDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function CreateTenantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const notify = useToast();
  const empty = { name: "", primaryDomain: "", plan: "", ownerEmail: "" };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () => createTenant(form),
    onSuccess: (tenant) => {
      notify(`${tenant.name} created; it waits in the onboarding queue.`);
      void client.invalidateQueries({ queryKey: ["tenants"] });
      // Tenant pickers and names elsewhere read the directory: the new tenant must be in it at once.
      void client.invalidateQueries({ queryKey: ["directory", "tenants"] });
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
    <Dialog open={open} title="New tenant" onClose={onClose} locked={create.isPending}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <TextField label="Name" {...field("name")} autoFocus />
        <TextField label="Primary domain" {...field("primaryDomain")} placeholder="example.com" />
        <TextField label="Plan" {...field("plan")} />
        <TextField label="Owner email" type="email" {...field("ownerEmail")} />
        <ErrorAlert error={create.error} hideFieldErrors />
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={create.isPending}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>Create tenant</Button>
        </div>
      </form>
    </Dialog>
  );
}
