using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>Versioned platform settings and the typed reader other features use.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddSingleton<SettingsService>();
        services.AddSingleton<PlatformSettings>();
        return services;
    }
}
