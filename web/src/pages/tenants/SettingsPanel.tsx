import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getSettings, listSettingsVersions, rollbackSettings, settingsSections, updateSettings } from "../../api/settings";
import type { SettingsSectionName, SettingsVersion } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { SelectField, TextAreaField } from "../../components/Field";
import { JsonBlock, KeyValues, Section } from "../../components/Layout";
import { ListState, QueryState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDateTime, toJson } from "../../lib/format";

export function SettingsPanel() {
  const [section, setSection] = useState<SettingsSectionName>(settingsSections[0] ?? "email-domains");
  return (
    <div className="stack">
      <SelectField label="Settings section" options={settingsSections} value={section} onChange={(e) => setSection(e.target.value as SettingsSectionName)} className="field-inline" />
      <SectionEditor key={section} section={section} />
    </div>
  );
}

function SectionEditor({ section }: { section: SettingsSectionName }) {
  const { can } = useAccess();
  const client = useQueryClient();
  const notify = useToast();
  const manage = can(Permissions.settingsManage);
  const current = useQuery({ queryKey: ["settings", section], queryFn: ({ signal }) => getSettings(section, signal) });
  const versions = useCursorList(["settings", section, "versions"], (cursor, signal) => listSettingsVersions(section, cursor, signal));
  const [text, setText] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [rollbackTo, setRollbackTo] = useState<SettingsVersion | null>(null);
  const [viewing, setViewing] = useState<SettingsVersion | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: ["settings", section] });
  const loaded = current.data?.value;
  const draft = text ?? toJson(loaded?.values ?? {});
  const parsed = parseObject(draft);
  const changes = loaded && parsed.value ? diff(asRecord(loaded.values), parsed.value) : [];

  // One card under the other: the history table needs the whole width for its five columns.
  return (
    <div className="stack">
      <Section title={`Current: ${section}`}>
        <QueryState query={current} label="Loading settings…">
          {({ value, etag }) => (
            <>
              <KeyValues items={[["Version", value.version], ["Updated", formatDateTime(value.updatedAt)], ["By", value.updatedBy ?? "—"]]} />
              <TextAreaField
                label="Values (JSON)"
                rows={14}
                className="mono"
                spellCheck={false}
                value={draft}
                readOnly={!manage}
                onChange={(e) => setText(e.target.value)}
                error={parsed.error}
                hint={manage ? "Saving writes a new version; earlier versions stay available for rollback." : undefined}
              />
              {manage ? (
                <div className="toolbar">
                  <Button variant="primary" disabled={!parsed.value || changes.length === 0} onClick={() => setReviewing(true)}>Review and save</Button>
                  <Button disabled={text === null} onClick={() => setText(null)}>Discard edits</Button>
                </div>
              ) : null}
              <ConfirmDialog
                open={reviewing}
                title={`Save ${section} as version ${value.version + 1}`}
                confirmLabel="Save new version"
                requireReason={false}
                onClose={() => setReviewing(false)}
                onConfirm={async (reason) => {
                  if (!parsed.value) return;
                  await updateSettings(section, parsed.value, reason, etag);
                  setText(null);
                  notify(`${section} saved as a new version.`);
                  await refresh();
                }}
                wide
              >
                <ChangeList changes={changes} />
              </ConfirmDialog>
            </>
          )}
        </QueryState>
      </Section>
      <Section title="Version history">
        <ListState list={versions} noun="versions">
          <DataTable
            caption={`Versions of ${section}`}
            rows={versions.items}
            rowKey={(v) => String(v.version)}
            empty="No versions yet."
            columns={[
              { header: "Version", cell: (v) => (v.version === loaded?.version ? <>{v.version} <StatusBadge status="current" tone="info" /></> : v.version), className: "num nowrap" },
              { header: "Saved", cell: (v) => formatDateTime(v.updatedAt), className: "nowrap" },
              { header: "By", cell: (v) => v.updatedBy, className: "nowrap" },
              { header: "Reason", cell: (v) => v.reason ?? "" },
              {
                header: "Actions",
                cell: (v) => (
                  <div className="row-actions">
                    <Button size="sm" onClick={() => setViewing(v)} aria-label={`View version ${v.version}`}>View</Button>
                    {manage && v.version !== loaded?.version ? (
                      <Button size="sm" onClick={() => setRollbackTo(v)} aria-label={`Roll back to version ${v.version}`}>Roll back</Button>
                    ) : null}
                  </div>
                ),
              },
            ]}
          />
        </ListState>
        {viewing ? (
          <div className="version-view">
            <h3>Version {viewing.version}</h3>
            <JsonBlock value={viewing.values} label={`Values of version ${viewing.version}`} />
            <Button size="sm" variant="ghost" onClick={() => setViewing(null)}>Close</Button>
          </div>
        ) : null}
      </Section>
      <ConfirmDialog
        open={rollbackTo !== null}
        title={`Roll ${section} back to version ${rollbackTo?.version ?? ""}`}
        confirmLabel="Roll back"
        destructive
        onClose={() => setRollbackTo(null)}
        onConfirm={async (reason) => {
          if (!rollbackTo) return;
          await rollbackSettings(section, rollbackTo.version, reason);
          setText(null);
          notify(`${section} rolled back to version ${rollbackTo.version}.`);
          await refresh();
        }}
        wide
      >
        <p>The values of version {rollbackTo?.version} become current as a new version. These keys change:</p>
        {rollbackTo && loaded ? <ChangeList changes={diff(asRecord(loaded.values), asRecord(rollbackTo.values))} /> : null}
      </ConfirmDialog>
    </div>
  );
}

interface Change {
  key: string;
  before: unknown;
  after: unknown;
}

function ChangeList({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <p className="muted">No differences.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Changed settings</caption>
      <thead>
        <tr><th scope="col">Setting</th><th scope="col">Before</th><th scope="col">After</th></tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.key}>
            <th scope="row"><code>{change.key}</code></th>
            <td className="diff-remove"><code>{change.before === undefined ? "(absent)" : JSON.stringify(change.before)}</code></td>
            <td className="diff-add"><code>{change.after === undefined ? "(removed)" : JSON.stringify(change.after)}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Settings values are a JSON object on the wire (typed `unknown`); anything else reads as empty. */
function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

function parseObject(text: string): { value?: Record<string, unknown>; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: "The values must be a JSON object." };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}
