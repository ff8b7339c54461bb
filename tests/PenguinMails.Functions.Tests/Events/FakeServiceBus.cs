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
/// peek-lock queues (complete, abandon with a delivery count, dead-letter to <c>&lt;queue&gt;/$deadletterqueue</c>).
/// Connect with <see cref="ConnectionString"/> (the SDK's development-emulator form: plain AMQP, SAS tokens).
/// </summary>
public sealed class FakeServiceBus : IDisposable
{
    public const string KeyName = "RootManageSharedAccessKey";
    public const string Key = "fake-service-bus-key";
    private readonly ContainerHost _host;
    private readonly ConcurrentDictionary<string, FakeServiceBusQueue> _queues = new(StringComparer.Ordinal);

    public FakeServiceBus(Func<string, bool>? acceptToken = null)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _host = new ContainerHost(new Address($"amqp://127.0.0.1:{Port}")) { AddressResolver = ResolveEntity };
        _host.Listeners[0].HandlerFactory = _ => new LockTokenDeliveryTags();
        _host.Listeners[0].SASL.EnableMechanism(new Symbol(ServiceBusCbsSaslProfile.MechanismName), new ServiceBusCbsSaslProfile());
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
        _host.RegisterMessageSource(name, queue);
        _host.RegisterMessageSource(deadLetter.Name, deadLetter);
        return queue;
    }

    public FakeServiceBusQueue Queue(string name) => _queues[name];

    /// <summary>Service Bus checks a link against the tokens put for its entity (a dead-letter queue is its queue's).</summary>
    internal bool Authorized(string entity) =>
        PutTokens.Any(t => t.Audience.TrimEnd('/').EndsWith("/" + entity.Split('/')[0], StringComparison.Ordinal));

    public void Dispose() => _host.Close();

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
    private sealed class LockTokenDeliveryTags : IHandler
    {
        public bool CanHandle(EventId id) => id == EventId.SendDelivery;

        public void Handle(Event protocolEvent) => ((IDelivery)protocolEvent.Context).Tag = Guid.NewGuid().ToByteArray();
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
