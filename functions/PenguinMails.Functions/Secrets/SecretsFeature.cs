using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Secrets;

public static class SecretsFeature
{
    public static WebApplicationBuilder AddSecrets(this WebApplicationBuilder builder)
    {
        builder.Services.AddSecretsInfrastructure(builder.Configuration);
        builder.Services.AddTimerFunction<SecretExpiryScanFunction>(SecretExpiryScanFunction.Name, SecretExpiryScanFunction.Schedule);
        return builder;
    }

    public static void MapSecrets(this WebApplication app) => app.MapSecretsApi();
}
