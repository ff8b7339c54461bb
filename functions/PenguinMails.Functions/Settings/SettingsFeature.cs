using PenguinMails.Admin.Infrastructure;

namespace PenguinMails.Functions.Settings;

public static class SettingsFeature
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettingsInfrastructure();
        return builder;
    }

    public static void MapSettings(this WebApplication app) => app.MapSettingsApi();
}
