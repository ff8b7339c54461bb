namespace PenguinMails.Admin.Compliance.Alerts;

public enum AlertSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
