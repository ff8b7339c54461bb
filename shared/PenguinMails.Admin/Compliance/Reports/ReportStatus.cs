namespace PenguinMails.Admin.Compliance.Reports;

public enum ReportStatus
{
    Pending,
    Completed,
    Failed,
}
