import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { createReport, listReports, reportTypes } from "../../api/oversight";
import type { ReportType } from "../../api/types";
import { useCursorList } from "../../api/useCursorList";
import { Permissions } from "../../auth/permissions";
import { useAccess } from "../../auth/useAuth";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert, fieldError } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { PageHeader, Section } from "../../components/Layout";
import { ListState } from "../../components/ListState";
import { useToast } from "../../components/Toast";
import { formatDate, formatDateTime } from "../../lib/format";

export const reportLabels: Record<ReportType, string> = {
  "weekly-access": "Weekly access",
  "monthly-security": "Monthly security",
  "quarterly-access-review": "Quarterly access review",
};

const typeOptions = reportTypes.map((value) => ({ value, label: reportLabels[value] }));

export default function ReportsPage() {
  const { can } = useAccess();
  const [type, setType] = useState("");
  const list = useCursorList(["reports", type], (cursor, signal) => listReports(type || undefined, cursor, signal), { refetchInterval: 20_000 });
  return (
    <>
      <PageHeader title="Reports" description="Scheduled compliance reports, and reports generated on demand." />
      <div className="grid">
        <Section title="Reports">
          <SelectField label="Type" placeholder="Every type" options={typeOptions} value={type} onChange={(e) => setType(e.target.value)} className="field-inline" />
          <ListState list={list} noun="reports">
            <DataTable
              caption="Reports"
              rows={list.items}
              rowKey={(r) => r.id}
              empty="No reports yet."
              columns={[
                { header: "Report", cell: (r) => <Link to={`/reports/${encodeURIComponent(r.id)}`}>{reportLabels[r.type] ?? r.type}</Link> },
                { header: "Period", cell: (r) => `${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)}` },
                { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
                { header: "Created", cell: (r) => formatDateTime(r.createdAt) },
                { header: "By", cell: (r) => r.createdBy ?? "schedule" },
              ]}
            />
          </ListState>
        </Section>
        {can(Permissions.reportsManage) ? <CreateReport /> : null}
      </div>
    </>
  );
}

function CreateReport() {
  const client = useQueryClient();
  const notify = useToast();
  const [type, setType] = useState<ReportType>("weekly-access");
  const [periodStart, setPeriodStart] = useState("");
  const create = useMutation({
    mutationFn: () => createReport(type, periodStart),
    onSuccess: () => {
      notify("Report requested.");
      void client.invalidateQueries({ queryKey: ["reports"] });
    },
  });
  return (
    <Section title="Generate a report">
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <SelectField label="Type" options={typeOptions} value={type} onChange={(e) => setType(e.target.value as ReportType)} error={fieldError(create.error, "type")} />
        <TextField label="Period start" type="date" required value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} error={fieldError(create.error, "periodStart")} />
        <ErrorAlert error={create.error} hideFieldErrors />
        <Button type="submit" variant="primary" busy={create.isPending} disabled={!periodStart}>Generate</Button>
      </form>
    </Section>
  );
}
