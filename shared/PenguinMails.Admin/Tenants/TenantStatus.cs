namespace PenguinMails.Admin.Tenants;

/// <summary>Where a tenant is in its life cycle; <see cref="TenantStatusMachine"/> says which moves are allowed.</summary>
public enum TenantStatus
{
    Pending,
    Active,
    Paused,
    Suspended,
    Rejected,
    Closed,
}
