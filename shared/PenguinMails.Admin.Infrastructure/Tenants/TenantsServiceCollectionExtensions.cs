using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Tenants;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Infrastructure;

public static class TenantsServiceCollectionExtensions
{
    /// <summary>Tenants on Azure Tables, and the queue their status events go to locally.</summary>
    public static IServiceCollection AddTenantsInfrastructure(this IServiceCollection services)
    {
        services.AddStorageTables(TableTenantStore.TableName);
        services.AddStorageQueues(EventDestinations.TenantEvents);
        services.AddSingleton<ITenantStore, TableTenantStore>();
        services.AddTenants();
        return services;
    }
}
