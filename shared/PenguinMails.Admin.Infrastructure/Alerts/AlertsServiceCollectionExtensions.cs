using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Alerts;

namespace PenguinMails.Admin.Infrastructure;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>The common alert path: alerts on Azure Tables, published to <c>security-alerts</c>.</summary>
    public static IServiceCollection AddAlertsInfrastructure(this IServiceCollection services)
    {
        services.AddStorageTables(TableAlertStore.TableName);
        services.AddStorageQueues(EventDestinations.SecurityAlerts);
        services.AddSingleton<IAlertStore, TableAlertStore>();
        services.AddAlerts();
        return services;
    }
}
