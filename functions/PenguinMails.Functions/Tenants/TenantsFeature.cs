using PenguinMails.Admin.Infrastructure;

namespace PenguinMails.Functions.Tenants;

public static class TenantsFeature
{
    public static WebApplicationBuilder AddTenants(this WebApplicationBuilder builder)
    {
        builder.Services.AddTenantsInfrastructure();
        return builder;
    }

    public static void MapTenants(this WebApplication app) => app.MapTenantsApi();
}
