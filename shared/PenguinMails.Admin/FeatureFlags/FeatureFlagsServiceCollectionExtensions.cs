using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.FeatureFlags;

public static class FeatureFlagsServiceCollectionExtensions
{
    /// <summary>The feature flag service and the per-instance evaluation snapshot.</summary>
    public static IServiceCollection AddFeatureFlags(this IServiceCollection services)
    {
        services.AddSingleton<FeatureFlagSnapshot>();
        services.AddSingleton<FeatureFlagService>();
        return services;
    }
}
