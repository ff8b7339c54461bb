using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;

namespace PenguinMails.Admin.Infrastructure;

public static class BusServiceCollectionExtensions
{
    /// <summary>
    /// <c>Bus__Kind=StorageQueue</c> (default): events go to storage queues. <c>Bus__Kind=ServiceBus</c>: they go with
    /// the Service Bus SDK to the <c>ServiceBus</c> namespace, and standalone the local trigger runner receives Service Bus
    /// triggers there (under the Functions host, the host delivers them).
    /// </summary>
    public static IServiceCollection AddIntegrationEventBus(this IServiceCollection services, IConfiguration configuration)
    {
        var bus = configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        var serviceBus = configuration.GetSection("ServiceBus").Get<ServiceBusOptions>() ?? new ServiceBusOptions();
        services.AddSingleton(bus);
        services.AddSingleton(serviceBus);
        if (bus.Kind == BusKind.ServiceBus)
        {
            services.AddSingleton(_ => ServiceBusClientFactory.Create(serviceBus));
            services.TryAddSingleton<IIntegrationEventBus, ServiceBusEventBus>();
        }
        else
        {
            services.TryAddSingleton<IIntegrationEventBus, StorageQueueEventBus>();
        }
        return services;
    }
}
