using Amqp;
using Amqp.Sasl;
using Azure.Core;
using Azure.Identity;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// Where and how to connect: the AMQP address, the SASL profile, and (for Service Bus) the token provider whose
/// tokens are put on the CBS node before a link is attached. Token-authorized connections use SASL ANONYMOUS.
/// </summary>
public sealed record ServiceBusEndpoint(Address Address, IServiceBusTokenProvider? Tokens, string AddressPrefix)
{
    public SaslProfile? SaslProfile => Tokens is null ? null : SaslProfile.Anonymous;

    /// <summary>The CBS audience of an entity: <c>amqp://{host}/{entity}</c>.</summary>
    public string Audience(string entity) => $"amqp://{Address.Host}/{entity}";

    public string EntityAddress(string entity) => AddressPrefix + entity;

    public static ServiceBusEndpoint From(ServiceBusOptions options, TimeProvider time, TokenCredential? credential = null)
    {
        var connectionString = options.ConnectionString?.Trim();
        if (!string.IsNullOrEmpty(connectionString))
        {
            return connectionString.StartsWith("amqp", StringComparison.OrdinalIgnoreCase)
                ? new ServiceBusEndpoint(new Address(connectionString), null, options.AddressPrefix)
                : FromSharedAccessConnectionString(connectionString, options.AddressPrefix, time);
        }
        if (string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace))
        {
            throw new InvalidOperationException(
                "Bus__Kind is ServiceBus but neither ServiceBus__FullyQualifiedNamespace nor ServiceBus__ConnectionString is set.");
        }
        var host = options.FullyQualifiedNamespace.Trim();
        return new ServiceBusEndpoint(new Address(host, 5671, null, null, "/", "amqps"),
            new EntraServiceBusTokenProvider(credential ?? new DefaultAzureCredential()), options.AddressPrefix);
    }

    private static ServiceBusEndpoint FromSharedAccessConnectionString(string connectionString, string prefix, TimeProvider time)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Endpoint", out var endpoint) || !parts.TryGetValue("SharedAccessKeyName", out var keyName)
            || !parts.TryGetValue("SharedAccessKey", out var key))
        {
            throw new InvalidOperationException(
                "ServiceBus__ConnectionString must be amqp://user:pass@host:port or Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=….");
        }
        var host = new Uri(endpoint).Host;
        return new ServiceBusEndpoint(new Address(host, 5671, null, null, "/", "amqps"), new SasServiceBusTokenProvider(keyName, key, time), prefix);
    }
}
