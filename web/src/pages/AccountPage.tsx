import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { endMySession, listMySessions } from "../api/auth";
import type { Session } from "../api/types";
import { usePlainList } from "../api/useCursorList";
import { sessionStore } from "../auth/session";
import { useSession } from "../auth/useAuth";
import { StatusBadge } from "../components/Badge";
import { Button } from "../components/Button";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { DataTable } from "../components/DataTable";
import { KeyValues, PageHeader, Section } from "../components/Layout";
import { ListState } from "../components/ListState";
import { useToast } from "../components/Toast";
import { formatDateTime } from "../lib/format";

export default function AccountPage() {
  const staff = useSession()?.staff;
  const client = useQueryClient();
  const notify = useToast();
  const [ending, setEnding] = useState<Session | null>(null);
  const sessions = usePlainList(["me", "sessions"], listMySessions);
  const currentId = sessionStore.sessionId();
  if (!staff) return null;
  return (
    <>
      <PageHeader title="My account" description="Your roles, what they allow, and where you are signed in." />
      <div className="grid">
        <Section title="Profile">
          <KeyValues items={[["Name", staff.displayName], ["Email", staff.email], ["Id", <code>{staff.id}</code>], ["Roles", staff.roles.join(", ") || "none"]]} />
        </Section>
        <Section title="Permissions">
          <ul className="tag-list" aria-label="Your permissions">
            {[...staff.permissions].sort().map((permission) => <li key={permission}><code>{permission}</code></li>)}
          </ul>
        </Section>
      </div>
      <Section title="My sessions">
        <ListState list={sessions} noun="sessions">
          <DataTable
            caption="My sessions"
            rows={sessions.items}
            rowKey={(s) => s.id}
            columns={[
              { header: "Started", cell: (s) => <>{formatDateTime(s.createdAt)} {s.id === currentId ? <StatusBadge status="this session" tone="info" /> : null}</> },
              { header: "Last seen", cell: (s) => formatDateTime(s.lastSeenAt) },
              { header: "Expires", cell: (s) => formatDateTime(s.expiresAt) },
              { header: "IP address", cell: (s) => s.ip ?? "—" },
              { header: "Browser", cell: (s) => <span className="truncate" title={s.userAgent ?? ""}>{s.userAgent ?? "—"}</span> },
              { header: "Actions", cell: (s) => <Button size="sm" variant="danger" onClick={() => setEnding(s)} aria-label={`End the session started ${formatDateTime(s.createdAt)}`}>End</Button> },
            ]}
          />
        </ListState>
      </Section>
      <ConfirmDialog
        open={ending !== null}
        title={ending?.id === currentId ? "End this session" : "End session"}
        confirmLabel="End session"
        destructive
        requireReason={false}
        onClose={() => setEnding(null)}
        onConfirm={async () => {
          if (!ending) return;
          await endMySession(ending.id);
          if (ending.id === currentId) {
            sessionStore.end("signed-out");
            return;
          }
          notify("Session ended.");
          await client.invalidateQueries({ queryKey: ["me", "sessions"] });
        }}
      >
        <p>{ending?.id === currentId ? "You will be signed out of this browser." : "That device will be signed out."}</p>
      </ConfirmDialog>
    </>
  );
}
