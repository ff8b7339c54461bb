using PenguinMails.Admin.Compliance.Reports;

namespace PenguinMails.Functions.Compliance;

/// <summary>Mondays at 06:00 UTC: the weekly access report for the week that just ended.</summary>
public sealed class WeeklyComplianceReportFunction(ReportService reports) : ScheduledReportFunction(reports, ReportType.WeeklyAccess)
{
    public const string Name = "WeeklyComplianceReport";
    public const string Schedule = "0 0 6 * * 1";
}
