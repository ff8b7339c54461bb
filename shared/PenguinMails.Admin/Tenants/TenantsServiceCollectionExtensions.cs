using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.Tenants;

public static class TenantsServiceCollectionExtensions
{
    /// <summary>The tenant service (onboarding, status, settings, billing link).</summary>
    public static IServiceCollection AddTenants(this IServiceCollection services)
    {
        services.AddSingleton<TenantService>();
        return services;
    }
}
