using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.DataProtection;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The <c>data-protection</c> settings, the retention runner, and the retention of deleted secrets and sessions.</summary>
    public static IServiceCollection AddPlatformDataProtection(this IServiceCollection services)
    {
        services.AddSingleton<DataProtectionService>();
        services.AddSingleton<RetentionRunner>();
        services.AddSingleton<IRetentionTarget, DeletedSecretsRetention>();
        services.AddSingleton<IRetentionTarget, SessionRetention>();
        services.AddSingleton<IRetentionTarget, IdempotencyKeyRetention>();
        return services;
    }
}
