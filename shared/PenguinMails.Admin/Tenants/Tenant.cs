namespace PenguinMails.Admin.Tenants;

/// <summary>A customer organisation of the mail platform.</summary>
public sealed record Tenant(
    string Id,
    string Name,
    string PrimaryDomain,
    string Plan,
    string OwnerEmail,
    TenantStatus Status,
    TenantSettings Settings,
    TenantBilling Billing,
    CommunicationPreferences CommunicationPreferences,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
