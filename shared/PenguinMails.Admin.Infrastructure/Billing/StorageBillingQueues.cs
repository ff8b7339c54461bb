using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// The storage queues that carry billing work: stored Stripe events to process, and refund requests whose steps
/// should run. Each message is just the id; the row it names holds the state.
/// </summary>
public sealed class StorageBillingQueues(StorageClients storage) : IStripeEventQueue, IRefundWorkflowStarter
{
    public const string StripeEvents = "stripe-events";
    public const string RefundRequests = "refund-requests";

    public Task EnqueueAsync(string eventId, CancellationToken cancellationToken = default) =>
        storage.Queue(StripeEvents).SendMessageAsync(eventId, cancellationToken);

    public Task StartAsync(string refundRequestId, CancellationToken cancellationToken = default) =>
        storage.Queue(RefundRequests).SendMessageAsync(refundRequestId, cancellationToken);
}
