using Azure.Messaging.ServiceBus;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Service Bus deliveries for the local trigger runner, with the Functions host's semantics: peek-lock, complete on
/// success, abandon (redeliver) on failure, and dead-letter once the broker's delivery count reaches the last try.
/// </summary>
public sealed class ServiceBusMessageProcessor(
    TriggerDispatcher dispatcher, FunctionRegistration trigger, ServiceBusClient client, int maxDeliveryCount) : IAsyncDisposable
{
    public const string DeadLetterReason = "MaxDeliveryCountExceeded";
    private readonly ServiceBusReceiver _receiver = client.CreateReceiver(trigger.Source);

    /// <summary>Handles at most one message; returns false when none arrived within <paramref name="wait"/>.</summary>
    public async Task<bool> ProcessNextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var message = await _receiver.ReceiveMessageAsync(wait, cancellationToken);
        if (message is null)
        {
            return false;
        }
        try
        {
            await dispatcher.DispatchAsync(trigger, message.Body.ToString(), message.DeliveryCount, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (message.DeliveryCount >= maxDeliveryCount)
            {
                await _receiver.DeadLetterMessageAsync(message, DeadLetterReason, e.GetType().Name, cancellationToken);
            }
            else
            {
                await _receiver.AbandonMessageAsync(message, cancellationToken: cancellationToken);
            }
            return true;
        }
        await _receiver.CompleteMessageAsync(message, cancellationToken);
        return true;
    }

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();
}
