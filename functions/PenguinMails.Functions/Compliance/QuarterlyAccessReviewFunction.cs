using PenguinMails.Admin.Compliance.Reports;

namespace PenguinMails.Functions.Compliance;

/// <summary>1 January, April, July and October at 06:00 UTC: freezes the quarter's access-review snapshot.</summary>
public sealed class QuarterlyAccessReviewFunction(ReportService reports) : ScheduledReportFunction(reports, ReportType.QuarterlyAccessReview)
{
    public const string Name = "QuarterlyAccessReview";
    public const string Schedule = "0 0 6 1 1,4,7,10 *";
}
