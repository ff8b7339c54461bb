import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { PlatformUser } from "../../api/types";
import { banUser, getUser, platformUserRoles, revokeUserSessions, unbanUser, updateUser } from "../../api/users";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { KeyValues, PageHeader, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDateTime, formatLastSignIn } from "../../lib/format";
import { TenantLink } from "../../components/Names";

type Action = "ban" | "unban" | "revoke";

export default function PlatformUserDetailPage() {
  const id = useParams().id ?? "";
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const [action, setAction] = useState<Action | null>(null);
  const user = useQuery({ queryKey: ["users", "detail", id], queryFn: ({ signal }) => getUser(id, signal) });
  const refresh = () => client.invalidateQueries({ queryKey: ["users"] });

  const run: Record<Action, (reason: string) => Promise<void>> = {
    ban: async (reason) => { await banUser(id, reason); notify("User banned. Their sessions were revoked."); },
    unban: async (reason) => { await unbanUser(id, reason); notify("User unbanned."); },
    revoke: async (reason) => {
      const result = await revokeUserSessions(id, reason);
      notify(`Revoked ${result.revoked} session${result.revoked === 1 ? "" : "s"}.`);
    },
  };

  return (
    <QueryState query={user} label="Loading user…">
      {({ value, etag }) => (
        <>
          <PageHeader
            title={value.displayName || value.email}
            description={<>{value.email} · <StatusBadge status={value.status} /></>}
            back={<Link to="/dashboard/users?tab=users">← All users</Link>}
            actions={
              <>
                {can(Permissions.usersManage) ? <Button onClick={() => setAction("revoke")}>Revoke sessions</Button> : null}
                {can(Permissions.usersBan) && value.status !== "banned" ? <Button variant="danger" onClick={() => setAction("ban")}>Ban user</Button> : null}
                {can(Permissions.usersBan) && value.status === "banned" ? <Button onClick={() => setAction("unban")}>Unban user</Button> : null}
              </>
            }
          />
          <div className="grid">
            <Section title="Details">
              <KeyValues items={[
                ["Id", <code>{value.id}</code>],
                ["Tenant", <TenantLink id={value.tenantId} />],
                ["Role", value.role],
                ["Status", <StatusBadge status={value.status} />],
                ["Banned", formatDateTime(value.bannedAt)],
                ["Last sign-in", formatLastSignIn(value.lastLoginAt)],
                ["Created", formatDateTime(value.createdAt)],
              ]} />
            </Section>
            {can(Permissions.usersManage) ? (
              <Section title="Edit">
                <EditUser user={value} etag={etag} onSaved={() => { notify("User saved."); void refresh(); }} />
              </Section>
            ) : null}
          </div>
          <ConfirmDialog
            open={action !== null}
            title={action === "ban" ? "Ban user" : action === "unban" ? "Unban user" : "Revoke the user's sessions"}
            confirmLabel={action === "ban" ? "Ban" : action === "unban" ? "Unban" : "Revoke sessions"}
            destructive={action !== "unban"}
            onClose={() => setAction(null)}
            onConfirm={async (reason) => {
              if (!action) return;
              await run[action](reason);
              await refresh();
            }}
          >
            <p>
              {action === "ban"
                ? `${value.email} will be signed out everywhere and cannot sign in while banned.`
                : action === "unban"
                  ? `${value.email} will be able to sign in again.`
                  : `${value.email} will be signed out of every device.`}
            </p>
          </ConfirmDialog>
        </>
      )}
    </QueryState>
  );
}

function EditUser({ user, etag, onSaved }: { user: PlatformUser; etag: string | null; onSaved: () => void }) {
  const [form, setForm] = useState({ displayName: user.displayName, email: user.email, role: user.role, reason: "" });
  const save = useMutation({
    mutationFn: () => {
      // Send only what changed; PATCH leaves the rest as it is.
      const changes: { displayName?: string; email?: string; role?: string; reason?: string } = {};
      if (form.displayName !== user.displayName) changes.displayName = form.displayName;
      if (form.email !== user.email) changes.email = form.email;
      if (form.role !== user.role) changes.role = form.role;
      if (form.reason.trim()) changes.reason = form.reason.trim();
      return updateUser(user.id, changes, etag);
    },
    onSuccess: onSaved,
  });
  const dirty = form.displayName !== user.displayName || form.email !== user.email || form.role !== user.role;
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <TextField label="Display name" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} error={fieldError(save.error, "displayName")} />
      <TextField label="Email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={fieldError(save.error, "email")} />
      <SelectField label="Role" options={platformUserRoles} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} error={fieldError(save.error, "role")} />
      <TextField label="Reason (optional)" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
      <ErrorAlert error={save.error} hideFieldErrors />
      <Button type="submit" variant="primary" busy={save.isPending} disabled={!dirty}>Save changes</Button>
    </form>
  );
}
