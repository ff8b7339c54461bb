using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Amqp;
using Amqp.Framing;
using Amqp.Handler;
using Amqp.Listener;
using Amqp.Types;

namespace PenguinMails.Functions.Tests.Events;

/// <summary>
/// A minimal Azure Service Bus on loopback, speaking AMQP 1.0 through AMQPNetLite's listener, for the real
/// Azure.Messaging.ServiceBus client: SASL <c>MSSBCBS</c>, a <c>$cbs</c> node that checks put-token requests, and
/// peek-lock queues (complete, abandon with a delivery count, dead-letter to <c>&lt;queue&gt;/$deadletterqueue</c>, lock
/// tokens settled on the link or on <c>$management</c>, locks that expire).
/// Connect with <see cref="ConnectionString"/> (the SDK's development-emulator form: plain AMQP, SAS tokens).
/// </summary>
public sealed class FakeServiceBus : IDisposable
{
    public const string KeyName = "RootManageSharedAccessKey";
    public const string Key = "fake-service-bus-key";
    private readonly ContainerHost _host;
    private readonly ConcurrentDictionary<string, FakeServiceBusQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, (FakeServiceBusQueue Queue, ReceiveContext Delivery)> _locks = new();
    private readonly ConcurrentDictionary<ReceiveContext, Guid> _lockTokens = new();
    private readonly ConcurrentDictionary<ReceiveContext, FakeServiceBusQueue> _handing = new();

    public FakeServiceBus(Func<string, bool>? acceptToken = null)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _host = new ContainerHost(new Address($"amqp://127.0.0.1:{Port}")) { AddressResolver = ResolveEntity };
        _host.Listeners[0].HandlerFactory = _ => new LockTokenDeliveryTags(this);
        _host.Listeners[0].SASL.EnableMechanism(new Symbol(ServiceBusCbsSaslProfile.MechanismName), new ServiceBusCbsSaslProfile());
        _host.RegisterLinkProcessor(new ReceiveLinks(this));
        _host.RegisterRequestProcessor("$cbs", new CbsNode(this, acceptToken ?? (token => token.Contains("skn=" + KeyName, StringComparison.Ordinal))));
        _host.Open();
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName={KeyName};SharedAccessKey={Key};UseDevelopmentEmulator=true";

    /// <summary>Every put-token request the CBS node accepted: audience, token type and token.</summary>
    public ConcurrentQueue<(string Audience, string Type, string Token)> PutTokens { get; } = new();

    /// <summary>Creates the queue and its dead-letter queue, as a Bicep deployment would.</summary>
    public FakeServiceBusQueue AddQueue(string name)
    {
        var deadLetter = new FakeServiceBusQueue(name + "/$deadletterqueue", this, null);
        var queue = new FakeServiceBusQueue(name, this, deadLetter);
        _queues[name] = queue;
        _queues[deadLetter.Name] = deadLetter;
        _host.RegisterMessageProcessor(name, queue);
        _host.RegisterRequestProcessor(name + "/$management", new ManagementNode(this));
        _host.RegisterRequestProcessor(deadLetter.Name + "/$management", new ManagementNode(this));
        return queue;
    }

    public FakeServiceBusQueue Queue(string name) => _queues[name];

    /// <summary>Service Bus checks a link against the tokens put for its entity (a dead-letter queue is its queue's).</summary>
    internal bool Authorized(string entity) =>
        PutTokens.Any(t => t.Audience.TrimEnd('/').EndsWith("/" + entity.Split('/')[0], StringComparison.Ordinal));

    public void Dispose() => _host.Close();

    /// <summary>
    /// Settles a locked delivery once, whichever way the outcome arrives: a disposition on its receive link, or
    /// update-disposition on <c>$management</c> (the SDK's path once the link it arrived on has closed).
    /// Returns false when the lock is unknown or already settled, as Service Bus answers a lost lock.
    /// </summary>
    internal bool Settle(ReceiveContext delivery, Action<FakeServiceBusQueue, Message> outcome)
    {
        if (!_lockTokens.TryRemove(delivery, out var token) || !_locks.TryRemove(token, out var locked))
        {
            return false;
        }
        outcome(locked.Queue, delivery.Message);
        return true;
    }

    private bool SettleByToken(Guid token, Action<FakeServiceBusQueue, Message> outcome) =>
        _locks.TryGetValue(token, out var locked) && Settle(locked.Delivery, outcome);

    /// <summary>A delivery a link dropped before sending it holds no lock yet: it goes back to its queue as it was.</summary>
    internal void ReturnUnsent(ReceiveContext delivery)
    {
        if (_handing.TryRemove(delivery, out var queue))
        {
            queue.Apply(delivery.Message, "released", null);
        }
    }

    /// <summary>A queue hands a delivery to a receive link; its lock token is the delivery tag the link then sends.</summary>
    internal void Handing(ReceiveContext delivery, FakeServiceBusQueue queue) => _handing[delivery] = queue;

    private void Lock(IDelivery delivery)
    {
        var token = Guid.NewGuid();
        delivery.Tag = token.ToByteArray();
        if (delivery.UserToken is ReceiveContext context && _handing.TryRemove(context, out var queue))
        {
            _locks[token] = (queue, context);
            _lockTokens[context] = token;
            _ = ExpireAsync(context);
        }
    }

    /// <summary>
    /// As on Service Bus, a lock that is not settled within <see cref="LockDuration"/> expires and the message is
    /// delivered again with a higher delivery count; a settlement that arrives later finds the lock gone.
    /// </summary>
    private async Task ExpireAsync(ReceiveContext delivery)
    {
        await Task.Delay(LockDuration);
        Settle(delivery, (queue, message) => queue.Apply(message, "abandoned", null));
    }

    /// <summary>Shorter than Service Bus's one-minute default, so tests see a redelivery after a lost settlement.</summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The SDK attaches to the entity's path ("/name"); the listener matches addresses exactly. The attach answered is
    /// the one received, so this is also where the broker states its maximum message size, as Service Bus does
    /// (without it the SDK reads "unlimited" as -1 and refuses every send).
    /// </summary>
    private static string? ResolveEntity(ContainerHost host, Attach attach)
    {
        attach.MaxMessageSize = MaxMessageSize;
        var address = attach.Role ? ((Source)attach.Source).Address : ((Target)attach.Target).Address;
        return address?.TrimStart('/');
    }

    /// <summary>256 KB, the Standard tier's limit.</summary>
    public const ulong MaxMessageSize = 256 * 1024;

    /// <summary>Service Bus delivery tags are the message's lock token, a GUID, which the SDK settles by.</summary>
    private sealed class LockTokenDeliveryTags(FakeServiceBus bus) : IHandler
    {
        public bool CanHandle(EventId id) => id == EventId.SendDelivery;

        public void Handle(Event protocolEvent) => bus.Lock((IDelivery)protocolEvent.Context);
    }

    /// <summary>Receive links attach to a queue (or its dead-letter queue) through <see cref="DrainingSource"/>.</summary>
    private sealed class ReceiveLinks(FakeServiceBus bus) : ILinkProcessor
    {
        public void Process(AttachContext attachContext)
        {
            var address = (attachContext.Attach.Source as Source)?.Address?.TrimStart('/') ?? "";
            if (!attachContext.Attach.Role || !bus._queues.TryGetValue(address, out var queue))
            {
                attachContext.Complete(new Error(ErrorCode.NotFound) { Description = $"No entity at '{address}'." });
                return;
            }
            attachContext.Complete(new DrainingSource(new SourceLinkEndpoint(queue, attachContext.Link), attachContext.Link), 0);
        }
    }

    /// <summary>
    /// AMQPNetLite's source endpoint, plus the drain answer it leaves out: a receiver that drains when the broker has
    /// already used up its credit (a delivery is in flight) must still get the drained flow back, or the SDK's drain
    /// times out after 10 s.
    /// </summary>
    private sealed class DrainingSource(SourceLinkEndpoint inner, ListenerLink link) : LinkEndpoint
    {
        public override void OnFlow(FlowContext flowContext)
        {
            if (link.IsDraining && flowContext.Messages == 0)
            {
                link.CompleteDrain();
                return;
            }
            inner.OnFlow(flowContext);
        }

        public override void OnDisposition(DispositionContext dispositionContext) => inner.OnDisposition(dispositionContext);
    }

    /// <summary>
    /// The entity's <c>$management</c> node: <c>com.microsoft:update-disposition</c> settles deliveries by lock token
    /// (completed, abandoned, suspended = dead-lettered), answering 200, or 410 when a lock is gone.
    /// </summary>
    private sealed class ManagementNode(FakeServiceBus bus) : IRequestProcessor
    {
        public int Credit => 10;

        public void Process(RequestContext context)
        {
            var operation = context.Message.ApplicationProperties?["operation"] as string;
            var body = context.Message.Body as Map ?? [];
            var status = 400;
            if (operation == "com.microsoft:update-disposition" && Value(body, "lock-tokens") is Guid[] tokens)
            {
                var disposition = Value(body, "disposition-status") as string;
                var reason = Value(body, "deadletter-reason") as string;
                var settled = tokens.All(token => bus.SettleByToken(token, (queue, message) => queue.Apply(message, disposition, reason)));
                status = settled ? 200 : 410;
            }
            context.Complete(new Message(new Map())
            {
                ApplicationProperties = new ApplicationProperties { ["statusCode"] = status, ["status-code"] = status },
            });
        }

        private static object? Value(Map map, string key) =>
            map.Keys.FirstOrDefault(k => k.ToString() == key) is { } found ? map[found] : null;
    }

    private sealed class CbsNode(FakeServiceBus bus, Func<string, bool> acceptToken) : IRequestProcessor
    {
        public int Credit => 10;

        public void Process(RequestContext context)
        {
            var properties = context.Message.ApplicationProperties;
            var token = context.Message.Body as string ?? "";
            var accepted = properties["operation"] as string == "put-token" && acceptToken(token);
            if (accepted)
            {
                bus.PutTokens.Enqueue(((string)properties["name"], (string)properties["type"], token));
            }
            context.Complete(new Message
            {
                ApplicationProperties = new ApplicationProperties
                {
                    ["status-code"] = accepted ? 202 : 401,
                    ["status-description"] = accepted ? "Accepted" : "Unauthorized",
                },
            });
        }
    }
}
