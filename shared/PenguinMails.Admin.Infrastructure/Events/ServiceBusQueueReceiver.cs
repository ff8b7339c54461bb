using Amqp;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>Receives from one queue over the shared connection, re-attaching when the link or connection drops.</summary>
public sealed class ServiceBusQueueReceiver(ServiceBusConnection connection, string entity, int prefetch = 16) : IAsyncDisposable
{
    private ReceiverLink? _link;

    public string Entity => entity;

    /// <summary>The next message, or null when none arrived within <paramref name="wait"/>.</summary>
    public async Task<ServiceBusDelivery?> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (connection.IsBroken(_link))
        {
            _link = await connection.OpenReceiverAsync(entity, cancellationToken);
            _link.SetCredit(prefetch, autoRestore: true);
        }
        else
        {
            await connection.AuthorizeAsync(entity, cancellationToken);
        }
        var message = await _link!.ReceiveAsync(wait).WaitAsync(cancellationToken);
        return message is null ? null : new ServiceBusDelivery(_link, message);
    }

    /// <summary>Sends a copy of the delivery (body and properties) to <paramref name="target"/>, then completes it.</summary>
    public async Task MoveAsync(ServiceBusDelivery delivery, string target, CancellationToken cancellationToken)
    {
        var sender = await connection.OpenSenderAsync(target, cancellationToken);
        try
        {
            await sender.SendAsync(delivery.Copy()).WaitAsync(cancellationToken);
        }
        finally
        {
            await AmqpShutdown.CloseQuietlyAsync(sender);
        }
        delivery.Complete();
    }

    public async ValueTask DisposeAsync() => await AmqpShutdown.CloseQuietlyAsync(_link);
}
