namespace PenguinMails.Admin.Events;

/// <summary>Names of the bus destinations. Each is a Service Bus queue in Azure and a storage queue locally.</summary>
public static class EventDestinations
{
    /// <summary>Tenant billing status changes derived from Stripe webhooks.</summary>
    public const string TenantStatusChanges = "tenant-status-changes";

    /// <summary>Events about platform users (banned, sessions revoked, moved) for the mail platform.</summary>
    public const string UserEvents = "user-events";

    /// <summary>Every alert (security, monitoring, failed workflows), published once by the alert service, for the teams' tooling.</summary>
    public const string SecurityAlerts = "security-alerts";

    /// <summary>Events about tenants (status changed by onboarding, staff or billing) for the mail platform.</summary>
    public const string TenantEvents = "tenant-events";

    /// <summary>Every destination, so each gets its storage queue locally.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(EventDestinations).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
