import type { BulkAction } from "../../api/types";
import { platformUserRoles } from "../../api/users";
import { SelectField, TextAreaField } from "../../components/Field";
import { TenantSelect } from "../../components/Names";
import { bulkActions } from "./BulkOperations";

export interface BulkChoice {
  action: BulkAction;
  role: string;
  targetTenantId: string;
  reason: string;
}

export const initialChoice: BulkChoice = { action: "change-role", role: "", targetTenantId: "", reason: "" };

/** Whether the action has what it needs: a role to change to, a tenant to move to, and a reason. */
export function choiceIsReady(choice: BulkChoice) {
  if (choice.action === "change-role" && !choice.role) return false;
  if (choice.action === "move-tenant" && !choice.targetTenantId) return false;
  return choice.reason.trim().length >= 3;
}

export function choiceParameters(choice: BulkChoice): Record<string, string> {
  return choice.action === "change-role" ? { role: choice.role } : choice.action === "move-tenant" ? { tenantId: choice.targetTenantId } : {};
}

/** The action, its parameter and the reason, shared by the filter and file forms. */
export function BulkParameters({ choice, onChange }: { choice: BulkChoice; onChange: (choice: BulkChoice) => void }) {
  return (
    <>
      <SelectField label="Action" options={bulkActions} value={choice.action} onChange={(e) => onChange({ ...choice, action: e.target.value as BulkAction })} />
      {choice.action === "change-role" ? (
        <SelectField label="New role" required placeholder="Choose a role" options={platformUserRoles} value={choice.role} onChange={(e) => onChange({ ...choice, role: e.target.value })} />
      ) : null}
      {choice.action === "move-tenant" ? (
        <TenantSelect label="Destination tenant" required value={choice.targetTenantId} onChange={(id) => onChange({ ...choice, targetTenantId: id })} />
      ) : null}
      <TextAreaField label="Reason (recorded in the audit log)" required rows={2} value={choice.reason} onChange={(e) => onChange({ ...choice, reason: e.target.value })} />
    </>
  );
}
