import { listSecretVersions } from "../../api/secrets";
import { useCursorList } from "../../api/useCursorList";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { Dialog } from "../../components/Dialog";
import { ListState } from "../../components/ListState";
import { formatDateTime } from "../../lib/format";

export function SecretVersions({ name, onClose }: { name: string; onClose: () => void }) {
  const versions = useCursorList(["secrets", name, "versions"], (cursor, signal) => listSecretVersions(name, cursor, signal));
  return (
    <Dialog open title={`Versions of ${name}`} onClose={onClose} wide footer={<Button onClick={onClose}>Close</Button>}>
      <ListState list={versions} noun="versions">
        <DataTable
          caption={`Versions of ${name}`}
          rows={versions.items}
          rowKey={(v) => v.version}
          columns={[
            { header: "Version", cell: (v) => <code>{v.version}</code> },
            { header: "State", cell: (v) => <StatusBadge status={v.enabled ? "enabled" : "disabled"} /> },
            { header: "Created", cell: (v) => formatDateTime(v.createdOn) },
            { header: "Expires", cell: (v) => formatDateTime(v.expiresOn) },
          ]}
        />
      </ListState>
    </Dialog>
  );
}
