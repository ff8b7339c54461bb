using Amqp;
using Amqp.Framing;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// The AMQP claims-based-security handshake: a put-token request to the <c>$cbs</c> node, answered on a link whose
/// target is our reply-to address. Service Bus accepts links to an entity only after a valid token for it.
/// </summary>
public sealed class CbsTokenClient(Session session) : IAsyncDisposable
{
    private const string CbsNode = "$cbs";
    private readonly string _replyTo = "cbs-" + Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SenderLink? _sender;
    private ReceiverLink? _receiver;

    public async Task PutTokenAsync(string audience, ServiceBusToken token, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _sender ??= new SenderLink(session, "cbs-sender-" + _replyTo, CbsNode);
            _receiver ??= new ReceiverLink(session, "cbs-receiver-" + _replyTo,
                new Attach { Source = new Source { Address = CbsNode }, Target = new Target { Address = _replyTo } }, null);
            var request = new Message(token.Value)
            {
                Properties = new Properties { MessageId = Guid.NewGuid().ToString("N"), ReplyTo = _replyTo },
                ApplicationProperties = new ApplicationProperties
                {
                    ["operation"] = "put-token",
                    ["type"] = token.Type,
                    ["name"] = audience,
                    ["expiration"] = token.ExpiresAt.UtcDateTime,
                },
            };
            await _sender.SendAsync(request);
            var response = await _receiver.ReceiveAsync(TimeSpan.FromSeconds(30))
                ?? throw new TimeoutException("The CBS node did not answer the put-token request.");
            _receiver.Accept(response);
            var status = Convert.ToInt32(response.ApplicationProperties?["status-code"] ?? 0, System.Globalization.CultureInfo.InvariantCulture);
            if (status is not (200 or 202))
            {
                var description = response.ApplicationProperties?["status-description"];
                throw new UnauthorizedAccessException($"CBS put-token for '{audience}' was refused: {status} {description}");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await AmqpShutdown.CloseQuietlyAsync(_sender);
        await AmqpShutdown.CloseQuietlyAsync(_receiver);
        _gate.Dispose();
    }
}
