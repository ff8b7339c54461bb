using PenguinMails.Admin.Compliance.Reports;

namespace PenguinMails.Functions.Compliance;

/// <summary>The 1st of each month at 06:00 UTC: the monthly security report for the month that just ended.</summary>
public sealed class MonthlyComplianceReportFunction(ReportService reports) : ScheduledReportFunction(reports, ReportType.MonthlySecurity)
{
    public const string Name = "MonthlyComplianceReport";
    public const string Schedule = "0 0 6 1 * *";
}
