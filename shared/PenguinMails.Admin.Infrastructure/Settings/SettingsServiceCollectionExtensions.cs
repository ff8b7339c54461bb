using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Settings;
using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Infrastructure;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>Versioned platform settings on Azure Tables, and the typed reader other features use.</summary>
    public static IServiceCollection AddSettingsInfrastructure(this IServiceCollection services)
    {
        services.AddStorageTables(TableSettingsStore.TableName);
        services.AddSingleton<ISettingsStore, TableSettingsStore>();
        services.AddSettings();
        return services;
    }
}
