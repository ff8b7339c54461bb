using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Storage clients, the start-up initializer, cursors and the local event bus.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new StorageOptions
        {
            ConnectionString = configuration["Storage"],
            AccountName = configuration["Storage:AccountName"],
            Prefix = configuration["Storage:Prefix"] ?? "",
        };
        if (TimeSpan.TryParse(configuration["Storage:NetworkTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var timeout))
        {
            options.NetworkTimeout = timeout;
        }
        if (int.TryParse(configuration["Storage:MaxRetries"], System.Globalization.CultureInfo.InvariantCulture, out var retries))
        {
            options.MaxRetries = retries;
        }
        services.AddSingleton(options);
        services.AddSingleton<StorageCallCounter>();
        services.AddSingleton(sp => new StorageClients(sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<StorageCallCounter>()));
        services.AddSingleton<StorageNames>();
        services.ConfigureResources(_ => { });
        services.AddSingleton<StorageReadiness>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(_ => new CursorCodec(ReadCursorKey(configuration)));
        services.AddSingleton<TablePaging>();
        services.AddStorageTables(TableIdempotencyStore.TableName);
        services.AddSingleton<PenguinMails.Admin.Common.IIdempotencyStore, TableIdempotencyStore>();
        services.AddIntegrationEventBus(configuration);
        services.AddStorageQueues([.. EventDestinations.All]);
        return services;
    }

    public static IServiceCollection AddStorageTables(this IServiceCollection services, params string[] tables) =>
        services.ConfigureResources(r => r.Tables.UnionWith(tables));

    public static IServiceCollection AddStorageQueues(this IServiceCollection services, params string[] queues) =>
        services.ConfigureResources(r => r.Queues.UnionWith(queues));

    public static IServiceCollection AddStorageContainers(this IServiceCollection services, params string[] containers) =>
        services.ConfigureResources(r => r.Containers.UnionWith(containers));

    private static IServiceCollection ConfigureResources(this IServiceCollection services, Action<StorageResources> configure)
    {
        var existing = services.Select(d => d.ServiceType == typeof(StorageResources) ? d.ImplementationInstance as StorageResources : null)
            .FirstOrDefault(r => r is not null);
        if (existing is null)
        {
            existing = new StorageResources();
            services.AddSingleton(existing);
        }
        configure(existing);
        return services;
    }

    private static byte[] ReadCursorKey(IConfiguration configuration)
    {
        var value = configuration["Security:CursorKey"];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                "Security__CursorKey is not set. It signs pagination cursors; set 32+ random bytes, base64 (local.settings.sample.json has a development key).");
        }
        return Convert.FromBase64String(value);
    }
}
