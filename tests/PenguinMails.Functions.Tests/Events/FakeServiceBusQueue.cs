using System.Collections.Concurrent;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace PenguinMails.Functions.Tests.Events;

/// <summary>
/// One peek-lock queue of <see cref="FakeServiceBus"/>: it stores what senders transfer (after their token was put),
/// hands messages to receivers with a delivery count, and on the receiver's outcome completes (accepted), redelivers
/// with a higher count (modified: the SDK's abandon), moves the message to the dead-letter queue (rejected with Service
/// Bus's dead-letter condition), or returns it unchanged when its link dropped it before the receiver had it.
/// </summary>
public sealed class FakeServiceBusQueue(string name, FakeServiceBus bus, FakeServiceBusQueue? deadLetter) : IMessageProcessor, IMessageSource
{
    private static readonly TimeSpan DrainCheckInterval = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentQueue<Message> _ready = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly ConcurrentBag<Message> _received = [];
    private readonly ConcurrentBag<Message> _completed = [];
    private readonly ConcurrentBag<Message> _deadLettered = [];

    public string Name => name;

    public int Credit => 50;

    /// <summary>Every message a sender transferred, as the broker received it.</summary>
    public IReadOnlyCollection<Message> Received => _received;

    /// <summary>Messages a receiver completed.</summary>
    public IReadOnlyCollection<Message> Completed => _completed;

    /// <summary>Messages a receiver dead-lettered (rejected), with the reason it gave.</summary>
    public IReadOnlyCollection<Message> DeadLettered => _deadLettered;

    public int Depth => _ready.Count;

    public void Process(MessageContext context)
    {
        if (!bus.Authorized(name))
        {
            context.Complete(new Error(ErrorCode.UnauthorizedAccess) { Description = "Put a token on $cbs for this entity first." });
            return;
        }
        _received.Add(context.Message);
        // Service Bus always sends a header: the delivery count of earlier unsuccessful deliveries starts at zero.
        context.Message.Header ??= new Header { DeliveryCount = 0 };
        Enqueue(context.Message);
        context.Complete();
    }

    /// <summary>
    /// The next ready message, or null after a short wait: the listener's source endpoint then checks whether the
    /// receiver is draining its credit (the SDK drains after a receive that found nothing) and answers the drain.
    /// </summary>
    public async Task<ReceiveContext> GetMessageAsync(ListenerLink link)
    {
        while (await _available.WaitAsync(DrainCheckInterval))
        {
            if (_ready.TryDequeue(out var message))
            {
                var delivery = new ReceiveContext(link, message);
                bus.Handing(delivery, this);
                return delivery;
            }
        }
        return null!;
    }

    public void DisposeMessage(ReceiveContext receiveContext, DispositionContext disposition)
    {
        var error = (disposition.DeliveryState as Rejected)?.Error;
        var outcome = disposition.DeliveryState switch
        {
            Accepted => "completed",
            // The SDK dead-letters with Service Bus's condition, or with no error at all (no reason given).
            Rejected when error is null || error.Condition.ToString() == DeadLetterCondition => "suspended",
            // AMQPNetLite's own outcome for a delivery its link or session dropped before the receiver had it
            // (Released, or Rejected with the link's error when the SDK closed the link mid-send): not a delivery.
            Rejected or Released => "released",
            // Modified: the SDK's abandon.
            _ => "abandoned",
        };
        var reason = error?.Info?[new Symbol("DeadLetterReason")] as string ?? error?.Condition.ToString();
        var description = error?.Info?[new Symbol("DeadLetterErrorDescription")] as string ?? error?.Description;
        if (!bus.Settle(receiveContext, (queue, message) => queue.Apply(message, outcome, reason, description)) && outcome == "released")
        {
            bus.ReturnUnsent(receiveContext);
        }
        disposition.Complete();
    }

    private const string DeadLetterCondition = "com.microsoft:dead-letter";

    /// <summary>Applies a settlement: completed, suspended (dead-lettered with its reason) or abandoned (redelivered).</summary>
    internal void Apply(Message message, string? disposition, string? deadLetterReason, string? deadLetterDescription = null)
    {
        switch (disposition)
        {
            case "completed":
                _completed.Add(message);
                break;
            case "released":
                // Never reached the receiver: back in the queue as it was, its delivery count unchanged.
                Enqueue(message);
                break;
            case "suspended" when deadLetter is not null:
                message.ApplicationProperties ??= new ApplicationProperties();
                message.ApplicationProperties["DeadLetterReason"] = deadLetterReason;
                message.ApplicationProperties["DeadLetterErrorDescription"] = deadLetterDescription;
                _deadLettered.Add(message);
                deadLetter.Enqueue(message);
                break;
            default:
                // The header counts earlier unsuccessful deliveries; the SDK reports it plus one.
                message.Header.DeliveryCount++;
                Enqueue(message);
                break;
        }
    }

    private void Enqueue(Message message)
    {
        _ready.Enqueue(message);
        _available.Release();
    }
}
