namespace PenguinMails.Admin.Tenants;

/// <summary>Per-tenant sending and data settings.</summary>
public sealed record TenantSettings(string Timezone, int DailySendLimit, int DataRetentionDays, bool TrackingEnabled)
{
    public static TenantSettings Default { get; } = new("UTC", 1000, 365, true);
}
