using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Monitoring;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Monitoring.Analytics;
using PenguinMails.Admin.Monitoring.Series;
using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Infrastructure;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Monitoring stores, the alert path, thresholds from the platform settings (configuration while the <c>monitoring</c>
    /// section is unset), and PostHog forwarding when <c>PostHog__ApiKey</c> is set. Workflow statistics come from the
    /// workflows feature's run log; user analytics count from the users and tenants stores.
    /// </summary>
    public static IServiceCollection AddMonitoringInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorageTables(TableRequestStatsStore.TableName, TableJobStatsStore.BucketTable, TableJobStatsStore.LastRunTable,
            TableAlertConditionStore.TableName, TableQueueSampleStore.TableName);
        services.AddSingleton<IRequestStatsStore, TableRequestStatsStore>();
        services.AddSingleton<IJobStatsStore, TableJobStatsStore>();
        services.AddSingleton<IQueueSampleStore, TableQueueSampleStore>();
        services.AddSingleton<IAlertConditionStore, TableAlertConditionStore>();
        services.AddMonitoring();
        services.AddSingleton<ConfigurationMonitoringThresholds>();
        services.TryAddSingleton<IMonitoringThresholds>(sp => new SettingsMonitoringThresholds(sp.GetRequiredService<SettingsService>(),
            sp.GetRequiredService<ConfigurationMonitoringThresholds>()));
        services.AddSingleton<ISettingsDefaults>(sp => new ConfiguredMonitoringSection(sp.GetRequiredService<ConfigurationMonitoringThresholds>()));

        var postHog = configuration.GetSection("PostHog").Get<PostHogOptions>() ?? new PostHogOptions();
        services.AddSingleton(postHog);
        if (postHog.Enabled)
        {
            services.AddHttpClient<PostHogClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<PostHogForwarder>();
            services.AddSingleton<IEngagementTracker>(sp => sp.GetRequiredService<PostHogForwarder>());
            services.AddHostedService(sp => sp.GetRequiredService<PostHogForwarder>());
        }
        else
        {
            services.AddSingleton<IEngagementTracker, EngagementTrackingOff>();
        }
        return services;
    }
}
