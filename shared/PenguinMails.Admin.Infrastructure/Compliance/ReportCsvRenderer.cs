using CsvHelper;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Infrastructure.Audit;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// A report as one CSV file: a header block, the summary, then each section as a block (its title, its column headers,
/// its rows) separated by blank lines. Cells a spreadsheet would run as formulas are escaped.
/// </summary>
public static class ReportCsvRenderer
{
    public static async Task WriteAsync(ComplianceReport report, Stream output, CancellationToken cancellationToken = default)
    {
        // Blocks have different widths, so the writer must not insist on one field count.
        await using var csv = CsvWriter.Create(output, AuditExportWriter.CsvOptions with { ValidateFieldCount = false }, leaveOpen: true);
        await RowAsync(csv, cancellationToken, report.Title);
        await RowAsync(csv, cancellationToken, "Report id", report.Id);
        await RowAsync(csv, cancellationToken, "Period", $"{ReportFormat.Date(report.PeriodStart)} to {ReportFormat.Date(report.PeriodEnd)} (UTC)");
        await RowAsync(csv, cancellationToken, "Generated", ReportFormat.Time(report.GeneratedAt), report.GeneratedBy);
        await RowAsync(csv, cancellationToken, "");
        await RowAsync(csv, cancellationToken, "Summary");
        await RowAsync(csv, cancellationToken, "Figure", "Value", "Note");
        foreach (var figure in report.Summary)
        {
            await RowAsync(csv, cancellationToken, figure.Label, figure.Value, figure.Note ?? "");
        }
        foreach (var section in report.Sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RowAsync(csv, cancellationToken, "");
            await RowAsync(csv, cancellationToken, section.Title);
            if (section.Unavailable is not null)
            {
                await RowAsync(csv, cancellationToken, section.Unavailable);
                continue;
            }
            await RowAsync(csv, cancellationToken, [.. section.Columns]);
            foreach (var row in section.Rows)
            {
                await RowAsync(csv, cancellationToken, [.. row]);
            }
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static ValueTask RowAsync(CsvWriter csv, CancellationToken cancellationToken, params string[] cells) =>
        csv.WriteRecordAsync(cells, cancellationToken);
}
