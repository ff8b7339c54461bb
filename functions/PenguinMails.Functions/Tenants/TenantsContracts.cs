using PenguinMails.Admin.Tenants;

namespace PenguinMails.Functions.Tenants;

public sealed record TenantResponse(string Id, string Name, string PrimaryDomain, string Plan, string OwnerEmail, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, TenantSettingsResponse Settings, TenantBillingResponse Billing, CommunicationPreferencesResponse CommunicationPreferences)
{
    public static TenantResponse From(Tenant t) => new(t.Id, t.Name, t.PrimaryDomain, t.Plan, t.OwnerEmail, TenantStatusMachine.Name(t.Status), t.CreatedAt,
        t.UpdatedAt, new(t.Settings.Timezone, t.Settings.DailySendLimit, t.Settings.DataRetentionDays, t.Settings.TrackingEnabled),
        new(t.Billing.StripeCustomerId, t.Billing.BillingEmail, t.Billing.TaxId, t.Billing.Currency),
        new(t.CommunicationPreferences.ContactEmail, t.CommunicationPreferences.ProductUpdates, t.CommunicationPreferences.MaintenanceNotices,
            t.CommunicationPreferences.BillingNotices, t.CommunicationPreferences.SecurityNotices));
}

public sealed record TenantSettingsResponse(string Timezone, int DailySendLimit, int DataRetentionDays, bool TrackingEnabled);

public sealed record TenantBillingResponse(string? StripeCustomerId, string? BillingEmail, string? TaxId, string Currency);

public sealed record CommunicationPreferencesResponse(string? ContactEmail, bool ProductUpdates, bool MaintenanceNotices, bool BillingNotices, bool SecurityNotices);

public sealed record CreateTenantRequest(string Name, string PrimaryDomain, string Plan, string OwnerEmail, string? Reason = null);

/// <summary>PATCH body: only these fields can be set; a status change needs a reason and follows the tenant state machine.</summary>
public sealed record UpdateTenantRequest(string? Name = null, string? PrimaryDomain = null, string? Plan = null, string? OwnerEmail = null,
    string? Status = null, string? Reason = null);

public sealed record UpdateTenantSettingsRequest(string Timezone, int DailySendLimit, int DataRetentionDays, bool TrackingEnabled, string? Reason = null);

public sealed record UpdateTenantBillingRequest(string? StripeCustomerId, string? BillingEmail, string? TaxId, string Currency, string? Reason = null);

public sealed record UpdateCommunicationPreferencesRequest(string? ContactEmail, bool ProductUpdates, bool MaintenanceNotices, bool BillingNotices,
    bool SecurityNotices, string? Reason = null);

public sealed record TenantReasonRequest(string? Reason = null);
