using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.FeatureFlags;
using PenguinMails.Admin.Infrastructure.FeatureFlags;

namespace PenguinMails.Admin.Infrastructure;

public static class FeatureFlagsServiceCollectionExtensions
{
    /// <summary>Feature flags on Azure Tables and the per-instance evaluation snapshot.</summary>
    public static IServiceCollection AddFeatureFlagsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue<double?>("FeatureFlags:RefreshSeconds") ?? 2;
        services.AddSingleton(new FeatureFlagOptions { RefreshInterval = TimeSpan.FromSeconds(Math.Max(0, seconds)) });
        services.AddStorageTables(TableFeatureFlagStore.TableName);
        services.AddSingleton<IFeatureFlagStore, TableFeatureFlagStore>();
        services.AddFeatureFlags();
        return services;
    }
}
