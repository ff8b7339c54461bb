using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>The one alert path every feature raises alerts on: stored, audited and published once.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton<AlertService>();
        return services;
    }
}
