namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>Builds one type of report from the platform's current data.</summary>
public interface IReportBuilder
{
    ReportType Type { get; }

    Task<ComplianceReport> BuildAsync(ReportContext context, CancellationToken cancellationToken = default);
}
