using System.Collections.Concurrent;
using PenguinMails.Admin.Infrastructure.Events;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Service Bus deliveries for the local trigger runner, with the Functions host's semantics: complete on success,
/// abandon (redeliver) on failure, and after the last try move the message to "&lt;queue&gt;-poison".
/// Attempts are also counted here because RabbitMQ, unlike Service Bus, does not count released deliveries.
/// </summary>
public sealed class ServiceBusMessageProcessor(
    TriggerDispatcher dispatcher, FunctionRegistration trigger, ServiceBusConnection connection, int maxDeliveryCount) : IAsyncDisposable
{
    private readonly ServiceBusQueueReceiver _receiver = new(connection, trigger.Source);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <summary>Handles at most one message; returns false when none arrived within <paramref name="wait"/>.</summary>
    public async Task<bool> ProcessNextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var delivery = await _receiver.ReceiveAsync(wait, cancellationToken);
        if (delivery is null)
        {
            return false;
        }
        var key = delivery.MessageId ?? delivery.Body;
        var attempt = Math.Max(delivery.PreviousDeliveries + 1, _attempts.AddOrUpdate(key, 1, (_, n) => n + 1));
        try
        {
            await dispatcher.DispatchAsync(trigger, delivery.Body, attempt, cancellationToken);
            _attempts.TryRemove(key, out _);
            delivery.Complete();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (attempt >= maxDeliveryCount)
            {
                await _receiver.MoveAsync(delivery, trigger.Source + "-poison", cancellationToken);
                _attempts.TryRemove(key, out _);
            }
            else
            {
                delivery.Abandon();
            }
        }
        return true;
    }

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();
}
