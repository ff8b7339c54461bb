import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { downloadReportCsv, getReport, getReportHtml } from "../../api/oversight";
import { StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { KeyValues, PageHeader, Section } from "../../components/Layout";
import { QueryState } from "../../components/ListState";
import { formatDate, formatDateTime } from "../../lib/format";
import { reportLabels } from "./ReportsPage";

export default function ReportDetailPage() {
  const id = useParams().id ?? "";
  const report = useQuery({
    queryKey: ["reports", "detail", id],
    queryFn: ({ signal }) => getReport(id, signal),
    refetchInterval: (q) => (q.state.data?.status === "pending" ? 3000 : false),
  });
  const ready = report.data?.status === "completed";
  const html = useQuery({ queryKey: ["reports", "html", id], queryFn: ({ signal }) => getReportHtml(id, signal), enabled: ready, staleTime: Infinity });
  const csv = useMutation({ mutationFn: () => downloadReportCsv(id) });

  return (
    <QueryState query={report} label="Loading report…">
      {(value) => (
        <>
          <PageHeader
            title={`${reportLabels[value.type] ?? value.type} report`}
            description={<>{formatDate(value.periodStart)} – {formatDate(value.periodEnd)} · <StatusBadge status={value.status} /></>}
            back={<Link to="/reports">← Reports</Link>}
            actions={<Button onClick={() => csv.mutate()} busy={csv.isPending} disabled={!ready}>Download CSV</Button>}
          />
          <ErrorAlert error={csv.error} />
          <Section title="About this report">
            <KeyValues items={[["Id", <code>{value.id}</code>], ["Created", formatDateTime(value.createdAt)], ["By", value.createdBy ?? "schedule"]]} />
          </Section>
          <Section title="Report">
            {value.status === "pending" ? <p role="status">The report is being generated…</p> : null}
            {value.status === "failed" ? <p className="field-error">This report failed to generate.</p> : null}
            {ready ? (
              <QueryState query={html} label="Loading the report…">
                {(content) => (
                  // The report is server-rendered HTML: shown in a sandbox with no scripts and no access to this page.
                  <iframe className="report-frame" title={`${reportLabels[value.type] ?? value.type} report content`} sandbox="" srcDoc={content} />
                )}
              </QueryState>
            ) : null}
          </Section>
        </>
      )}
    </QueryState>
  );
}
