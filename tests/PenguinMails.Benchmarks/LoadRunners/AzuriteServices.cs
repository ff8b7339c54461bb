using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>
/// The app's real services on Azurite (PENGUINMAILS_TEST_STORAGE, or the default Azurite ports), under a fresh
/// table prefix so a run never sees another's data. <see cref="DeleteAsync"/> removes that data afterwards, since the
/// Azurite may be shared and keeps it in memory.
/// </summary>
public static class AzuriteServices
{
    public const string PrefixStart = "bench";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } s ? s : "UseDevelopmentStorage=true";

    public static async Task<ServiceProvider> StartAsync(string? connectionString = null)
    {
        var storage = connectionString ?? ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = storage,
            ["Storage:Prefix"] = PrefixStart + Guid.NewGuid().ToString("N")[..8],
            ["Security:CursorKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // The audit log's digest signer holds its key in the vault.
            ["Secrets:LocalKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        services.AddAuditInfrastructure(configuration);
        services.AddAlertsInfrastructure();
        services.AddStaffInfrastructure(configuration);
        services.AddTenantsInfrastructure();
        services.AddUsersInfrastructure();
        services.AddSecretsInfrastructure(configuration);
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return provider;
    }

    /// <summary>Deletes every table and queue this run's services registered (under its prefix).</summary>
    public static async Task DeleteAsync(IServiceProvider services)
    {
        var clients = services.GetRequiredService<StorageClients>();
        var resources = services.GetRequiredService<StorageResources>();
        await Task.WhenAll(resources.Tables.Select(t => clients.Table(t).DeleteAsync()));
        await Task.WhenAll(resources.Queues.Select(q => clients.Queue(q).DeleteIfExistsAsync()));
    }
}
