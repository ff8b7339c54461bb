namespace PenguinMails.Admin.Events;

/// <summary>Names of the bus destinations. Each is a Service Bus queue in Azure and a storage queue locally.</summary>
public static class EventDestinations
{
    /// <summary>Tenant billing status changes derived from Stripe webhooks.</summary>
    public const string TenantStatusChanges = "tenant-status-changes";

    /// <summary>Events about platform users (banned, sessions revoked, moved) for the mail platform.</summary>
    public const string UserEvents = "user-events";

    /// <summary>Security alerts (sign-in monitoring, and later operational monitoring) for the security team's tooling.</summary>
    public const string SecurityAlerts = "security-alerts";
}
