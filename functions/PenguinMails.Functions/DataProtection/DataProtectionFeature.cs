using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.DataProtection;

public static class DataProtectionFeature
{
    public static WebApplicationBuilder AddDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtectionInfrastructure();
        builder.Services.AddTimerFunction<DataRetentionFunction>(DataRetentionFunction.Name, DataRetentionFunction.Schedule);
        return builder;
    }

    public static void MapDataProtection(this WebApplication app) => app.MapDataProtectionApi();
}
