using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using PenguinMails.Admin.Events;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// Publishes integration events with the Service Bus SDK: one cached sender per destination queue. The message id is
/// the event id, so Service Bus duplicate detection drops a re-publish; the event type travels as the subject and as
/// the <c>type</c> application property, so subscribers can filter without reading the body.
/// </summary>
public sealed class ServiceBusEventBus(ServiceBusClient client) : IIntegrationEventBus, IAsyncDisposable
{
    public const string ContentType = "application/json";
    public const string TypeProperty = "type";
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public Task PublishAsync(string destination, IntegrationEvent integrationEvent, CancellationToken cancellationToken = default) =>
        _senders.GetOrAdd(destination, client.CreateSender).SendMessageAsync(ToMessage(integrationEvent), cancellationToken);

    public static ServiceBusMessage ToMessage(IntegrationEvent integrationEvent)
    {
        var message = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(integrationEvent, JsonSerializerOptions.Web))
        {
            MessageId = integrationEvent.Id,
            Subject = integrationEvent.Type,
            CorrelationId = integrationEvent.CorrelationId,
            ContentType = ContentType,
        };
        message.ApplicationProperties[TypeProperty] = integrationEvent.Type;
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }
    }
}
