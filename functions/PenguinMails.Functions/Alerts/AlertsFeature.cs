using PenguinMails.Admin.Infrastructure;

namespace PenguinMails.Functions.Alerts;

/// <summary>
/// The common alert path, in the kernel: workflows, secrets, monitoring and sign-in monitoring raise alerts on it, and
/// <c>GET /api/security/alerts</c> (the Compliance API) lists them.
/// </summary>
public static class AlertsFeature
{
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddAlertsInfrastructure();
        return builder;
    }
}
