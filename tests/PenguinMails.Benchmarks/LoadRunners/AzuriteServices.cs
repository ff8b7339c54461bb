using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PenguinMails.Admin.Infrastructure;

namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>
/// The app's real services on Azurite (PENGUINMAILS_TEST_STORAGE, or the default Azurite ports), under a fresh
/// table prefix so a run never sees another's data.
/// </summary>
public static class AzuriteServices
{
    public static async Task<ServiceProvider> StartAsync()
    {
        var storage = Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } s ? s : "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = storage,
            ["Storage:Prefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
            ["Security:CursorKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        services.AddStaffInfrastructure(configuration);
        services.AddTenantsInfrastructure();
        services.AddUsersInfrastructure();
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return provider;
    }
}
