using System.Collections.Concurrent;
using System.Text.Json;
using Amqp;
using Amqp.Framing;
using PenguinMails.Admin.Events;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// Publishes integration events over AMQP 1.0: one cached sender per destination. The message id is the event id,
/// so Service Bus duplicate detection drops a re-publish; subject, correlation id and content type are set too.
/// </summary>
public sealed class ServiceBusEventBus(ServiceBusConnection connection) : IIntegrationEventBus, IAsyncDisposable
{
    public const string ContentType = "application/json";
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SenderLink> _senders = new(StringComparer.Ordinal);

    public async Task PublishAsync(string destination, IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        var sender = await SenderAsync(destination, cancellationToken);
        await sender.SendAsync(ToMessage(integrationEvent)).WaitAsync(cancellationToken);
    }

    public static Message ToMessage(IntegrationEvent integrationEvent) => new()
    {
        BodySection = new Data { Binary = JsonSerializer.SerializeToUtf8Bytes(integrationEvent, JsonSerializerOptions.Web) },
        Properties = new Properties
        {
            MessageId = integrationEvent.Id,
            Subject = integrationEvent.Type,
            CorrelationId = integrationEvent.CorrelationId,
            ContentType = ContentType,
            CreationTime = integrationEvent.OccurredAt.UtcDateTime,
        },
    };

    private async Task<SenderLink> SenderAsync(string destination, CancellationToken cancellationToken)
    {
        if (_senders.TryGetValue(destination, out var cached) && !connection.IsBroken(cached))
        {
            await connection.AuthorizeAsync(destination, cancellationToken);
            return cached;
        }
        var gate = _locks.GetOrAdd(destination, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_senders.TryGetValue(destination, out cached) && !connection.IsBroken(cached))
            {
                return cached;
            }
            var sender = await connection.OpenSenderAsync(destination, cancellationToken);
            _senders[destination] = sender;
            return sender;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await AmqpShutdown.CloseQuietlyAsync(sender);
        }
    }
}
