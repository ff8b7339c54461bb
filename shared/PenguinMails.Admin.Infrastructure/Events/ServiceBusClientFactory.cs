using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>Builds the one <see cref="ServiceBusClient"/> of the app from the <c>ServiceBus</c> settings.</summary>
public static class ServiceBusClientFactory
{
    /// <summary>How long one send or receive may take before the SDK gives up, so an outage fails fast.</summary>
    public static readonly TimeSpan TryTimeout = TimeSpan.FromSeconds(10);

    public static ServiceBusClient Create(ServiceBusOptions options, TokenCredential? credential = null)
    {
        var clientOptions = new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 3, TryTimeout = TryTimeout },
        };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new ServiceBusClient(options.ConnectionString.Trim(), clientOptions);
        }
        if (string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace))
        {
            throw new InvalidOperationException(
                "Bus__Kind is ServiceBus but neither ServiceBus__FullyQualifiedNamespace nor ServiceBus__ConnectionString is set.");
        }
        return new ServiceBusClient(options.FullyQualifiedNamespace.Trim(), credential ?? new DefaultAzureCredential(), clientOptions);
    }
}
