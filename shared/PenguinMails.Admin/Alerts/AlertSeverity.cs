namespace PenguinMails.Admin.Alerts;

public enum AlertSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
