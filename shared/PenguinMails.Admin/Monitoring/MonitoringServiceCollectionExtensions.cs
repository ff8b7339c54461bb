using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Admin.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Monitoring alerts on the common alert path, and user analytics counted from the users and tenants stores
    /// (through <c>IPlatformGrowthReader</c>, which the users feature registers). Both are defaults a host may replace.
    /// </summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.TryAddSingleton<IAlertSink, SecurityAlertPathSink>();
        services.TryAddSingleton<IUserAnalyticsSource, StoreUserAnalyticsSource>();
        return services;
    }
}
