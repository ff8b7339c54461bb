namespace PenguinMails.Admin.Billing;

/// <summary>The tenant statuses that billing can cause (a subset of the tenant lifecycle's statuses).</summary>
public enum TenantBillingStatus
{
    Active,
    Paused,
    Closed,
}
