namespace PenguinMails.Admin.Tenants;

/// <summary>Which notices the platform sends the tenant, and to whom.</summary>
public sealed record CommunicationPreferences(string? ContactEmail, bool ProductUpdates, bool MaintenanceNotices, bool BillingNotices, bool SecurityNotices)
{
    public static CommunicationPreferences For(string ownerEmail) => new(ownerEmail, true, true, true, true);
}
