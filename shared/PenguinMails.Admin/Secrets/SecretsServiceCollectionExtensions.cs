using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>Secrets management, audited reveal, and the expiry scanner (its alerts take the common alert path).</summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services)
    {
        services.AddSingleton<SecretService>();
        services.AddSingleton<SecretRevealService>();
        services.AddSingleton<SecretExpiryScanner>();
        return services;
    }
}
