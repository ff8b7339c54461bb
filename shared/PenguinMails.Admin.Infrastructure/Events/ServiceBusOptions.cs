namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// The <c>ServiceBus</c> settings. In Azure set <see cref="FullyQualifiedNamespace"/> (Entra ID tokens through CBS).
/// Locally or in tests set <see cref="ConnectionString"/>: either <c>amqp://user:pass@host:port</c> (SASL PLAIN, e.g.
/// RabbitMQ) or a Service Bus <c>Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…</c> (SAS tokens through CBS).
/// </summary>
public sealed class ServiceBusOptions
{
    public const string EntraScope = "https://servicebus.azure.net/.default";

    public string? FullyQualifiedNamespace { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>
    /// Prepended to every entity name to form the AMQP address. Service Bus uses the plain queue name (empty prefix);
    /// RabbitMQ's AMQP 1.0 plugin needs <c>/queue/</c>.
    /// </summary>
    public string AddressPrefix { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || !string.IsNullOrWhiteSpace(ConnectionString);
}
