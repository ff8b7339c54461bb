import { useState } from "react";
import type { Role } from "../../api/types";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { CheckboxField } from "../../components/Field";

interface RoleEditorProps {
  current: string[];
  catalog: Role[];
  canEdit: boolean;
  onSave: (roles: string[], reason: string) => Promise<unknown>;
}

/** Edits a staff member's roles, then shows exactly what changes (roles and permissions) before saving. */
export function RoleEditor({ current, catalog, canEdit, onSave }: RoleEditorProps) {
  const [selected, setSelected] = useState<string[]>(current);
  const [reviewing, setReviewing] = useState(false);
  const [baseline, setBaseline] = useState(current);

  // Follow the server when it changes underneath (after a save or a refetch).
  if (baseline.join("|") !== current.join("|")) {
    setBaseline(current);
    setSelected(current);
  }

  const added = selected.filter((role) => !current.includes(role));
  const removed = current.filter((role) => !selected.includes(role));
  const changed = added.length > 0 || removed.length > 0;
  const before = permissionsOf(current, catalog);
  const after = permissionsOf(selected, catalog);
  const gained = [...after].filter((p) => !before.has(p)).sort();
  const lost = [...before].filter((p) => !after.has(p)).sort();
  // Roles the catalog no longer lists still show, so they can be removed.
  const names = [...new Set([...catalog.map((r) => r.name), ...current])];

  return (
    <div>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Assigned roles</legend>
        {names.map((name) => {
          const role = catalog.find((r) => r.name === name);
          return (
            <CheckboxField
              key={name}
              label={name}
              hint={role?.description}
              checked={selected.includes(name)}
              onChange={(e) => setSelected(e.target.checked ? [...selected, name] : selected.filter((r) => r !== name))}
            />
          );
        })}
      </fieldset>
      {canEdit ? (
        <div className="toolbar">
          <Button variant="primary" disabled={!changed} onClick={() => setReviewing(true)}>Review changes</Button>
          <Button disabled={!changed} onClick={() => setSelected(current)}>Undo changes</Button>
          <Button variant="ghost" disabled={selected.length === 0} onClick={() => setSelected([])}>Remove all roles</Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={reviewing}
        title="Confirm role changes"
        confirmLabel="Save roles"
        destructive={removed.length > 0}
        onClose={() => setReviewing(false)}
        onConfirm={(reason) => onSave(selected, reason)}
        wide
      >
        <div className="diff">
          <DiffList label="Roles added" sign="+" items={added} tone="add" />
          <DiffList label="Roles removed" sign="−" items={removed} tone="remove" />
          <DiffList label="Permissions gained" sign="+" items={gained} tone="add" />
          <DiffList label="Permissions lost" sign="−" items={lost} tone="remove" />
        </div>
        {removed.length > 0 ? (
          <div className="alert alert-warn" role="note">
            <p className="alert-title">Removing a role signs this person out everywhere</p>
            <p className="alert-detail">Every session is revoked before the change is saved; their next request is refused.</p>
          </div>
        ) : null}
        {added.length > 0 ? <p className="muted">Added roles take effect at their next sign-in.</p> : null}
        {selected.length === 0 ? <p className="muted">With no roles left, this person can no longer sign in.</p> : null}
      </ConfirmDialog>
    </div>
  );
}

function DiffList({ label, sign, items, tone }: { label: string; sign: string; items: string[]; tone: "add" | "remove" }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="diff-heading">{label}</h3>
      <ul className={`diff-list diff-${tone}`}>
        {items.map((item) => (
          <li key={item}><span aria-hidden="true">{sign} </span>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function permissionsOf(roles: string[], catalog: Role[]): Set<string> {
  return new Set(catalog.filter((role) => roles.includes(role.name)).flatMap((role) => role.permissions));
}
