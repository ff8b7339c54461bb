using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Benchmarks.Compliance;

/// <summary>
/// The app's own storage, staff, tenants, users, secrets and compliance services on Azurite, under a storage prefix of
/// their own, on a clock fixed where the load needs it. Storage comes from PENGUINMAILS_TEST_STORAGE (as in tests),
/// else the local emulator.
/// </summary>
public sealed class LoadEnvironment : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LoadEnvironment(ServiceProvider services, string prefix)
    {
        _services = services;
        Prefix = prefix;
    }

    public string Prefix { get; }

    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    public static async Task<LoadEnvironment> StartAsync(string prefix, DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = StorageConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Security:CursorKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // The local vault stays empty here; the key only lets the report's secret-expiry section read it.
            ["Secrets:LocalKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddStorage(configuration);
        services.AddAuditInfrastructure(configuration);
        services.AddAlertsInfrastructure();
        services.AddStaffInfrastructure(configuration);
        services.AddTenantsInfrastructure();
        services.AddUsersInfrastructure();
        services.AddSecretsInfrastructure(configuration);
        services.AddComplianceInfrastructure(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetServices<IHostedService>().OfType<StorageInitializer>().Single().StartAsync(CancellationToken.None);
        return new LoadEnvironment(provider, prefix);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Deletes every table and container this prefix created.</summary>
    public async Task DeleteStorageAsync()
    {
        var storage = Get<StorageClients>();
        var resources = Get<StorageResources>();
        await Task.WhenAll(resources.Tables.Select(t => (Task)storage.Table(t).DeleteAsync())
            .Concat(resources.Containers.Select(c => (Task)storage.Container(c).DeleteIfExistsAsync()))
            .Concat(resources.Queues.Select(q => (Task)storage.Queue(q).DeleteIfExistsAsync())));
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
