using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace PenguinMails.Functions.Tests.Events;

/// <summary>
/// A stand-in for Service Bus's AMQP front door on loopback (AMQPNetLite's listener): SASL ANONYMOUS, a <c>$cbs</c>
/// node that records put-token requests, and queues that refuse messages until a token for their audience was put.
/// </summary>
public sealed class FakeCbsBroker : IDisposable
{
    private readonly ContainerHost _host;

    public FakeCbsBroker(Func<string, bool> acceptToken)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _host = new ContainerHost(new Address($"amqp://127.0.0.1:{Port}"));
        _host.Listeners[0].SASL.EnableAnonymousMechanism = true;
        _host.RegisterRequestProcessor("$cbs", new CbsNode(this, acceptToken));
        _host.Open();
    }

    public int Port { get; }

    public ConcurrentQueue<(string Audience, string Type, string Token)> PutTokens { get; } = new();

    public ConcurrentDictionary<string, ConcurrentQueue<Message>> Queues { get; } = new();

    public void AddQueue(string name)
    {
        Queues[name] = new ConcurrentQueue<Message>();
        _host.RegisterMessageProcessor(name, new QueueNode(this, name));
    }

    public void Dispose() => _host.Close();

    private sealed class CbsNode(FakeCbsBroker broker, Func<string, bool> acceptToken) : IRequestProcessor
    {
        public int Credit => 10;

        public void Process(RequestContext context)
        {
            var properties = context.Message.ApplicationProperties;
            var token = (string)context.Message.Body;
            var accepted = acceptToken(token);
            if (accepted)
            {
                broker.PutTokens.Enqueue(((string)properties["name"], (string)properties["type"], token));
            }
            context.Complete(new Message { ApplicationProperties = new ApplicationProperties { ["status-code"] = accepted ? 202 : 401 } });
        }
    }

    private sealed class QueueNode(FakeCbsBroker broker, string name) : IMessageProcessor
    {
        public int Credit => 10;

        public void Process(MessageContext context)
        {
            if (!broker.PutTokens.Any(t => t.Audience.EndsWith("/" + name, StringComparison.Ordinal)))
            {
                context.Complete(new Error(ErrorCode.UnauthorizedAccess) { Description = "put a token first" });
                return;
            }
            broker.Queues[name].Enqueue(context.Message);
            context.Complete();
        }
    }
}
