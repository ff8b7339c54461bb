using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.Users;

public static class UsersServiceCollectionExtensions
{
    /// <summary>The single and bulk platform user services.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddSingleton<UserEffects>();
        services.AddSingleton<PlatformUserService>();
        services.AddSingleton<BulkUserService>();
        return services;
    }
}
