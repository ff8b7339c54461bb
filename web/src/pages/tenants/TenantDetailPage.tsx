import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import {
  approveTenant, getTenant, rejectTenant, updateCommunicationPreferences, updateTenant, updateTenantBilling, updateTenantSettings,
} from "../../api/tenants";
import type { Tenant } from "../../api/types";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { CheckboxField, TextField } from "../../components/Field";
import { KeyValues, PageHeader, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDateTime } from "../../lib/format";

export default function TenantDetailPage() {
  const id = useParams().id ?? "";
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const [decision, setDecision] = useState<"approve" | "reject" | null>(null);
  const tenant = useQuery({ queryKey: ["tenants", "detail", id], queryFn: ({ signal }) => getTenant(id, signal) });
  const manage = can(Permissions.tenantsManage);
  const approve = can(Permissions.tenantsApprove);
  const refresh = () => client.invalidateQueries({ queryKey: ["tenants"] });

  return (
    <QueryState query={tenant} label="Loading tenant…">
      {({ value, etag }) => (
        <>
          <PageHeader
            title={value.name}
            description={<>{value.primaryDomain} · <StatusBadge status={value.status} /></>}
            back={<Link to="/dashboard/tenants?tab=all">← All tenants</Link>}
            actions={
              <>
                {can(Permissions.financeRead) ? <Link className="btn btn-secondary" to={`/dashboard/finance?tenant=${encodeURIComponent(value.id)}`}>Billing in Finance</Link> : null}
                {approve && value.status === "pending" ? (
                  <>
                    <Button variant="primary" onClick={() => setDecision("approve")}>Approve</Button>
                    <Button variant="danger" onClick={() => setDecision("reject")}>Reject</Button>
                  </>
                ) : null}
              </>
            }
          />
          <div className="grid">
            <Section title="Details">
              <KeyValues items={[
                ["Id", <code>{value.id}</code>],
                ["Status", <StatusBadge status={value.status} />],
                ["Plan", value.plan],
                ["Owner", value.ownerEmail],
                ["Created", formatDateTime(value.createdAt)],
                ["Updated", formatDateTime(value.updatedAt)],
              ]} />
              {manage ? <TenantBasicsForm tenant={value} etag={etag} onSaved={refresh} /> : null}
            </Section>
            <Section title="Settings">
              <SettingsForm tenant={value} etag={etag} readOnly={!manage} onSaved={refresh} />
            </Section>
            <Section title="Billing">
              <BillingForm tenant={value} etag={etag} readOnly={!manage} onSaved={refresh} />
            </Section>
            <Section title="Communication preferences">
              <PreferencesForm tenant={value} etag={etag} readOnly={!manage} onSaved={refresh} />
            </Section>
          </div>
          <ConfirmDialog
            open={decision !== null}
            title={decision === "approve" ? `Approve ${value.name}` : `Reject ${value.name}`}
            confirmLabel={decision === "approve" ? "Approve" : "Reject"}
            destructive={decision === "reject"}
            requireReason={decision === "reject"}
            onClose={() => setDecision(null)}
            onConfirm={async (reason) => {
              if (decision === "approve") await approveTenant(value.id, reason);
              else await rejectTenant(value.id, reason);
              notify(`${value.name} ${decision === "approve" ? "approved" : "rejected"}.`);
              await refresh();
            }}
          >
            <p>{value.name} ({value.primaryDomain}), owner {value.ownerEmail}.</p>
          </ConfirmDialog>
        </>
      )}
    </QueryState>
  );
}

interface FormProps {
  tenant: Tenant;
  etag: string | null;
  readOnly?: boolean;
  onSaved: () => unknown;
}

/** One save button per form; If-Match makes a concurrent edit fail with 412 rather than overwrite. */
function TenantForm({ onSubmit, busy, error, readOnly, children, label }: { onSubmit: () => void; busy: boolean; error: unknown; readOnly?: boolean | undefined; children: ReactNode; label: string }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} aria-label={label}>
      <fieldset className="fieldset fieldset-plain" disabled={readOnly}>
        <legend className="visually-hidden">{label}</legend>
        {children}
      </fieldset>
      <ErrorAlert error={error} hideFieldErrors />
      {readOnly ? null : <Button type="submit" variant="primary" busy={busy}>Save {label.toLowerCase()}</Button>}
    </form>
  );
}

function useSave<T>(save: (input: T) => Promise<unknown>, onSaved: () => unknown, message: string) {
  const notify = useToast();
  return useMutation({
    mutationFn: save,
    onSuccess: () => {
      notify(message);
      void onSaved();
    },
  });
}

function TenantBasicsForm({ tenant, etag, onSaved }: FormProps) {
  const [form, setForm] = useState({ name: tenant.name, primaryDomain: tenant.primaryDomain, plan: tenant.plan, ownerEmail: tenant.ownerEmail, reason: "" });
  const save = useSave(() => {
    const changes: Record<string, string> = {};
    for (const key of ["name", "primaryDomain", "plan", "ownerEmail"] as const) if (form[key] !== tenant[key]) changes[key] = form[key];
    if (form.reason.trim()) changes.reason = form.reason.trim();
    return updateTenant(tenant.id, changes, etag);
  }, onSaved, "Tenant details saved.");
  const field = (key: "name" | "primaryDomain" | "plan" | "ownerEmail") => ({
    value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }), error: fieldError(save.error, key),
  });
  return (
    <TenantForm label="Details" onSubmit={() => save.mutate(undefined)} busy={save.isPending} error={save.error}>
      <TextField label="Name" {...field("name")} />
      <TextField label="Primary domain" {...field("primaryDomain")} />
      <TextField label="Plan" {...field("plan")} />
      <TextField label="Owner email" type="email" {...field("ownerEmail")} />
      <TextField label="Reason (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
    </TenantForm>
  );
}

function SettingsForm({ tenant, etag, readOnly, onSaved }: FormProps) {
  const [form, setForm] = useState(tenant.settings);
  const save = useSave(() => updateTenantSettings(tenant.id, form, etag), onSaved, "Tenant settings saved.");
  const error = (key: string) => fieldError(save.error, key);
  return (
    <TenantForm label="Settings" onSubmit={() => save.mutate(undefined)} busy={save.isPending} error={save.error} readOnly={readOnly}>
      <TextField label="Time zone" value={form.timezone} onChange={(e) => setForm({ ...form, timezone: e.target.value })} error={error("timezone")} placeholder="Europe/Paris" />
      <TextField label="Daily send limit" type="number" min={0} value={form.dailySendLimit} onChange={(e) => setForm({ ...form, dailySendLimit: Number(e.target.value) })} error={error("dailySendLimit")} />
      <TextField label="Data retention (days)" type="number" min={1} value={form.dataRetentionDays} onChange={(e) => setForm({ ...form, dataRetentionDays: Number(e.target.value) })} error={error("dataRetentionDays")} />
      <CheckboxField label="Open and click tracking" checked={form.trackingEnabled} onChange={(e) => setForm({ ...form, trackingEnabled: e.target.checked })} />
    </TenantForm>
  );
}

function BillingForm({ tenant, etag, readOnly, onSaved }: FormProps) {
  const [form, setForm] = useState(tenant.billing);
  const save = useSave(() => updateTenantBilling(tenant.id, form, etag), onSaved, "Billing details saved.");
  const error = (key: string) => fieldError(save.error, key);
  const nullable = (value: string) => (value.trim() ? value.trim() : null);
  return (
    <TenantForm label="Billing" onSubmit={() => save.mutate(undefined)} busy={save.isPending} error={save.error} readOnly={readOnly}>
      <TextField label="Stripe customer id" value={form.stripeCustomerId ?? ""} onChange={(e) => setForm({ ...form, stripeCustomerId: nullable(e.target.value) })} error={error("stripeCustomerId")} placeholder="cus_…" />
      <TextField label="Billing email" type="email" value={form.billingEmail ?? ""} onChange={(e) => setForm({ ...form, billingEmail: nullable(e.target.value) })} error={error("billingEmail")} />
      <TextField label="Tax id" value={form.taxId ?? ""} onChange={(e) => setForm({ ...form, taxId: nullable(e.target.value) })} error={error("taxId")} />
      <TextField label="Currency" value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value })} error={error("currency")} placeholder="usd" />
    </TenantForm>
  );
}

function PreferencesForm({ tenant, etag, readOnly, onSaved }: FormProps) {
  const [form, setForm] = useState(tenant.communicationPreferences);
  const save = useSave(() => updateCommunicationPreferences(tenant.id, form, etag), onSaved, "Communication preferences saved.");
  return (
    <TenantForm label="Preferences" onSubmit={() => save.mutate(undefined)} busy={save.isPending} error={save.error} readOnly={readOnly}>
      <TextField label="Contact email" type="email" value={form.contactEmail ?? ""} onChange={(e) => setForm({ ...form, contactEmail: e.target.value.trim() || null })} error={fieldError(save.error, "contactEmail")} />
      <CheckboxField label="Product updates" checked={form.productUpdates} onChange={(e) => setForm({ ...form, productUpdates: e.target.checked })} />
      <CheckboxField label="Maintenance notices" checked={form.maintenanceNotices} onChange={(e) => setForm({ ...form, maintenanceNotices: e.target.checked })} />
      <CheckboxField label="Billing notices" checked={form.billingNotices} onChange={(e) => setForm({ ...form, billingNotices: e.target.checked })} />
      <CheckboxField label="Security notices" checked={form.securityNotices} onChange={(e) => setForm({ ...form, securityNotices: e.target.checked })} />
    </TenantForm>
  );
}
