using PenguinMails.Admin.Infrastructure;

namespace PenguinMails.Functions.FeatureFlags;

public static class FeatureFlagsFeature
{
    public static WebApplicationBuilder AddFeatureFlags(this WebApplicationBuilder builder)
    {
        builder.Services.AddFeatureFlagsInfrastructure(builder.Configuration);
        return builder;
    }

    public static void MapFeatureFlags(this WebApplication app) => app.MapFeatureFlagsApi();
}
