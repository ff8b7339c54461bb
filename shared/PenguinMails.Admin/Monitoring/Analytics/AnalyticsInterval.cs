namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>How new users and tenants are grouped: per UTC day, or per ISO week (starting Monday, UTC).</summary>
public enum AnalyticsInterval
{
    Day,
    Week,
}
