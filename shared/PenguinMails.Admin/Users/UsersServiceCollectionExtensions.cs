using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Users.Workflow;

namespace PenguinMails.Admin.Users;

public static class UsersServiceCollectionExtensions
{
    /// <summary>The single and bulk platform user services, and CSV import.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddSingleton<UserEffects>();
        services.AddSingleton<PlatformUserService>();
        services.AddSingleton<BulkUserService>();
        services.AddSingleton<BulkUserBatchProcessor>();
        services.AddSingleton<BulkUserWorkflowStarter>();
        services.AddSingleton<BulkUserResultReader>();
        services.AddSingleton<BulkUserTargets>();
        services.AddSingleton<UserImportService>();
        return services;
    }
}
