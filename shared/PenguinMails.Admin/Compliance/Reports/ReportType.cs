namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>On the wire: <c>weekly-access</c>, <c>monthly-security</c>, <c>quarterly-access-review</c>.</summary>
public enum ReportType
{
    WeeklyAccess,
    MonthlySecurity,
    QuarterlyAccessReview,
}
