using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace PenguinMails.Functions.Hosting;

/// <summary>One queue delivery, with the Functions host's semantics: delete on success, retry on failure, poison after the last try.</summary>
public static class QueueMessageProcessor
{
    public static async Task ProcessAsync(
        TriggerDispatcher dispatcher, FunctionRegistration trigger, QueueClient queue, QueueClient poison,
        QueueMessage message, int maxDequeueCount, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > maxDequeueCount)
        {
            await MoveToPoisonAsync(queue, poison, message, cancellationToken);
            return;
        }
        try
        {
            await dispatcher.DispatchAsync(trigger, message.Body.ToString(), (int)message.DequeueCount, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= maxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, cancellationToken);
            }
            else
            {
                // Make the message visible again after a short, growing back-off.
                var backoff = TimeSpan.FromMilliseconds(250 * message.DequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: backoff, cancellationToken: cancellationToken);
            }
        }
    }

    private static async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }
}
