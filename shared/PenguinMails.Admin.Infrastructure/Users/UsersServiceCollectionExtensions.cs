using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure;

public static class UsersServiceCollectionExtensions
{
    /// <summary>
    /// Platform users, their index, email claims and sessions on Azure Tables; the single and bulk services; and the
    /// growth reader over users and tenants that the monthly report and user analytics count from.
    /// </summary>
    public static IServiceCollection AddUsersInfrastructure(this IServiceCollection services)
    {
        services.AddStorageTables([.. TablePlatformUserStore.Tables, TablePlatformUserSessionStore.TableName, TableBulkUserResultStore.TableName]);
        services.AddStorageQueues(UserIndexQueue.Name);
        services.AddSingleton<TablePlatformUserStore>();
        services.AddSingleton<IPlatformUserStore>(sp => sp.GetRequiredService<TablePlatformUserStore>());
        services.AddSingleton<IPlatformUserSessionStore, TablePlatformUserSessionStore>();
        services.AddSingleton<IBulkUserResultStore, TableBulkUserResultStore>();
        services.AddSingleton<IPlatformGrowthReader, TablePlatformGrowthReader>();
        services.AddUsers();
        return services;
    }
}
