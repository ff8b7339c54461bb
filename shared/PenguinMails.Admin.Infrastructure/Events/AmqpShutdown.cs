using Amqp;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// Closing at shutdown is best effort: a peer that is gone or slow must not hold the app open for AMQPNetLite's
/// default 60 s close timeout. Closing the connection releases whatever a link close could not.
/// </summary>
public static class AmqpShutdown
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task CloseQuietlyAsync(AmqpObject? amqpObject)
    {
        if (amqpObject is null || amqpObject.IsClosed)
        {
            return;
        }
        try
        {
            await amqpObject.CloseAsync(Timeout, null);
        }
        catch (Exception e) when (e is AmqpException or TimeoutException or ObjectDisposedException)
        {
            // Already broken or unanswered: nothing more to release from our side.
        }
    }
}
