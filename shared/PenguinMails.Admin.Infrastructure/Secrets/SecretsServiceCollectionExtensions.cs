using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Secrets;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Infrastructure;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>Keys of the optional keyed services that replace the Key Vault credential and transport (tests use them).</summary>
    public const string KeyVaultServiceKey = "KeyVault";

    /// <summary>The vault (<c>Secrets__Kind</c>: <c>Local</c>, the default, or <c>KeyVault</c>), reveal limits and expiry alerts.</summary>
    public static IServiceCollection AddSecretsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration["Secrets:Kind"] is { Length: > 0 } configured ? configured : "Local";
        if (string.Equals(kind, "Local", StringComparison.OrdinalIgnoreCase))
        {
            var local = configuration.GetSection("Secrets").Get<LocalVaultOptions>() ?? new LocalVaultOptions();
            EnsureRetention(local.SoftDeleteRetentionDays, "Secrets__SoftDeleteRetentionDays");
            services.AddStorageTables(LocalSecretVault.TableName);
            services.AddSingleton(local);
            // Read when a value is first sealed or opened, so commands and calls that never need it run without it.
            services.AddSingleton(new LocalSecretKey(configuration["Secrets:LocalKey"]));
            services.AddSingleton<ISecretVault, LocalSecretVault>();
        }
        else if (string.Equals(kind, "KeyVault", StringComparison.OrdinalIgnoreCase))
        {
            var vault = configuration.GetSection("Vault").Get<KeyVaultOptions>() ?? new KeyVaultOptions();
            EnsureRetention(vault.SoftDeleteRetentionDays, "Vault__SoftDeleteRetentionDays");
            services.AddSingleton(vault);
            services.AddSingleton(sp => KeyVaultClientFactory.Create(vault,
                sp.GetKeyedService<TokenCredential>(KeyVaultServiceKey) ?? new DefaultAzureCredential(),
                sp.GetKeyedService<HttpPipelineTransport>(KeyVaultServiceKey)));
            services.AddSingleton<ISecretVault, KeyVaultSecretVault>();
        }
        else
        {
            throw new InvalidOperationException($"Secrets__Kind '{kind}' is not supported: use Local or KeyVault.");
        }
        services.AddStorageTables(TableSecretRevealLimiter.TableName);
        services.AddSingleton(configuration.GetSection("Secrets").Get<SecretRevealLimits>() ?? new SecretRevealLimits());
        services.AddSingleton<ISecretRevealLimiter, TableSecretRevealLimiter>();
        services.AddSecrets();
        return services;
    }

    private static void EnsureRetention(int days, string setting)
    {
        if (days is < 7 or > 90)
        {
            throw new InvalidOperationException($"{setting} must be between 7 and 90 days, as in Key Vault (it is {days}).");
        }
    }
}
