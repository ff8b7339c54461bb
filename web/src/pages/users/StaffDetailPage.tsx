import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import {
  emergencyRevokeStaff, getStaff, listRoles, listStaffSessions, offboardStaff,
  reactivateStaff, replaceRoles, revokeStaffSessions, suspendStaff,
} from "../../api/staff";
import { usePlainList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess, useSession } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { KeyValues, PageHeader, Section } from "../../components/Layout";
import { ListState, QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { WorkflowProgress } from "../../components/WorkflowProgress";
import { formatDateTime, formatLastSignIn } from "../../lib/format";
import { RoleEditor } from "./RoleEditor";

type Action = "revoke" | "suspend" | "reactivate" | "offboard" | "emergency";

export default function StaffDetailPage() {
  const id = useParams().id ?? "";
  const { can } = useAccess();
  const me = useSession()?.staff;
  const client = useQueryClient();
  const notify = useToast();
  const [params, setParams] = useSearchParams();
  const [action, setAction] = useState<Action | null>(null);

  const staff = useQuery({ queryKey: ["staff", "detail", id], queryFn: ({ signal }) => getStaff(id, signal) });
  const roles = useQuery({ queryKey: ["roles"], queryFn: ({ signal }) => listRoles(signal), staleTime: 5 * 60_000 });
  const sessions = usePlainList(["staff", "sessions", id], (signal) => listStaffSessions(id, signal));
  const manage = can(Permissions.staffManage);
  const offboard = can(Permissions.staffOffboard);
  const workflowId = params.get("workflow");
  const workflowKind = params.get("kind");

  const refresh = () => client.invalidateQueries({ queryKey: ["staff"] });
  const followWorkflow = (workflow: string, kind: "offboard" | "emergency") =>
    setParams((p) => { const next = new URLSearchParams(p); next.set("workflow", workflow); next.set("kind", kind); return next; }, { replace: true });

  const run: Record<Action, (reason: string) => Promise<void>> = {
    revoke: async (reason) => {
      const result = await revokeStaffSessions(id, reason);
      notify(`Revoked ${result.revoked} session${result.revoked === 1 ? "" : "s"}.`);
    },
    suspend: async (reason) => { await suspendStaff(id, reason); notify("Suspended. Every session was revoked."); },
    reactivate: async (reason) => { await reactivateStaff(id, reason); notify("Reactivated."); },
    offboard: async (reason) => {
      const accepted = await offboardStaff(id, reason);
      followWorkflow(accepted.workflowId, "offboard");
      notify("Offboarding started.");
    },
    emergency: async (reason) => {
      const accepted = await emergencyRevokeStaff(id, reason);
      followWorkflow(accepted.workflowId, "emergency");
      notify("Access revoked and account suspended. The audit review is running.");
    },
  };

  return (
    <QueryState query={staff} label="Loading staff member…">
      {({ value: person, etag }) => {
        const isSelf = me?.id === person.id;
        return (
          <>
            <PageHeader
              title={person.displayName || person.email}
              description={<>{person.email} · <StatusBadge status={person.status} /></>}
              back={<Link to="/dashboard/users?tab=staff">← All staff</Link>}
              actions={
                <>
                  {manage && person.status === "active" ? <Button onClick={() => setAction("suspend")}>Suspend</Button> : null}
                  {manage && person.status === "suspended" ? <Button onClick={() => setAction("reactivate")}>Reactivate</Button> : null}
                  {offboard && person.status !== "offboarded" ? <Button variant="danger" onClick={() => setAction("offboard")}>Offboard</Button> : null}
                  {offboard ? <Button variant="danger" onClick={() => setAction("emergency")}>Emergency revoke</Button> : null}
                </>
              }
            />
            {isSelf ? <div className="alert alert-info" role="note"><p className="alert-detail">This is your own account. Removing your roles or revoking your sessions signs you out.</p></div> : null}

            {workflowId ? (
              <Section title={workflowKind === "emergency" ? "Emergency revocation" : "Offboarding"}>
                <WorkflowProgress
                  workflowId={workflowId}
                  title={workflowKind === "emergency" ? "Follow-up audit review" : "Offboarding progress"}
                  onFinished={() => void refresh()}
                />
                <Button size="sm" variant="ghost" onClick={() => { setParams({}, { replace: true }); void refresh(); }}>Dismiss</Button>
              </Section>
            ) : null}

            <div className="grid">
              <Section title="Details">
                <KeyValues items={[
                  ["Id", <code>{person.id}</code>],
                  ["Email", person.email],
                  ["Status", <StatusBadge status={person.status} />],
                  ["Roles", person.roles.join(", ") || "none"],
                  ["Last sign-in", formatLastSignIn(person.lastLoginAt)],
                  ["Created", formatDateTime(person.createdAt)],
                ]} />
              </Section>
              <Section title="Roles">
                <QueryState query={roles} label="Loading the role catalog…">
                  {(catalog) => (
                    <RoleEditor
                      current={person.roles}
                      catalog={catalog}
                      canEdit={can(Permissions.staffRoles) && person.status !== "offboarded"}
                      onSave={async (next, reason) => {
                        await replaceRoles(id, next, reason, etag);
                        notify("Roles saved.");
                        await refresh();
                      }}
                    />
                  )}
                </QueryState>
              </Section>
            </div>

            <Section title="Active sessions" actions={can(Permissions.staffSessionsRevoke) ? <Button variant="danger" size="sm" onClick={() => setAction("revoke")}>Revoke all sessions</Button> : null}>
              <ListState list={sessions} noun="sessions">
                <DataTable
                  caption="Active sessions"
                  rows={sessions.items}
                  rowKey={(s) => s.id}
                  empty="No active sessions."
                  columns={[
                    { header: "Started", cell: (s) => formatDateTime(s.createdAt) },
                    { header: "Last seen", cell: (s) => formatDateTime(s.lastSeenAt) },
                    { header: "IP address", cell: (s) => s.ip ?? "—" },
                    { header: "Browser", cell: (s) => <span className="truncate" title={s.userAgent ?? ""}>{s.userAgent ?? "—"}</span> },
                  ]}
                />
              </ListState>
            </Section>

            <ConfirmDialog
              open={action !== null}
              title={titles[action ?? "revoke"]}
              confirmLabel={confirmLabels[action ?? "revoke"]}
              destructive={action !== "reactivate"}
              onClose={() => setAction(null)}
              onConfirm={async (reason) => {
                if (!action) return;
                await run[action](reason);
                await refresh();
              }}
            >
              <p>{explanations[action ?? "revoke"](person.displayName || person.email)}</p>
            </ConfirmDialog>
          </>
        );
      }}
    </QueryState>
  );
}

const titles: Record<Action, string> = {
  revoke: "Revoke all sessions",
  suspend: "Suspend staff member",
  reactivate: "Reactivate staff member",
  offboard: "Offboard staff member",
  emergency: "Emergency access revocation",
};

const confirmLabels: Record<Action, string> = {
  revoke: "Revoke all sessions",
  suspend: "Suspend",
  reactivate: "Reactivate",
  offboard: "Start offboarding",
  emergency: "Revoke access now",
};

const explanations: Record<Action, (name: string) => string> = {
  revoke: (name) => `${name} will be signed out of every device immediately.`,
  suspend: (name) => `${name} will be signed out everywhere and cannot sign in until reactivated.`,
  reactivate: (name) => `${name} will be able to sign in again with their current roles.`,
  offboard: (name) => `Removes every role of ${name}, revokes their sessions, suspends the account and opens an audit review. You can follow each step here.`,
  emergency: (name) => `Revokes every session of ${name} and suspends the account right now, then starts an audit review.`,
};
