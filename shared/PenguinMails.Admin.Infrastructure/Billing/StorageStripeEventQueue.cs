using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>The <c>stripe-events</c> storage queue: stored Stripe events to process. Each message is the event id; its row holds the event.</summary>
public sealed class StorageStripeEventQueue(StorageClients storage) : IStripeEventQueue
{
    public const string QueueName = "stripe-events";

    public Task EnqueueAsync(string eventId, CancellationToken cancellationToken = default) =>
        storage.Queue(QueueName).SendMessageAsync(eventId, cancellationToken);
}
