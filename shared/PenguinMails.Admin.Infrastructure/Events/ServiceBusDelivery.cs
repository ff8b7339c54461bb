using System.Text;
using Amqp;
using Amqp.Framing;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>One received message, locked until it is completed (accepted) or abandoned (released for redelivery).</summary>
public sealed class ServiceBusDelivery(ReceiverLink link, Message message)
{
    public string? MessageId => message.Properties?.MessageId;

    public string? Subject => message.Properties?.Subject;

    public string? CorrelationId => message.Properties?.CorrelationId;

    public string? ContentType => message.Properties?.ContentType;

    /// <summary>How many times the broker delivered it before; Service Bus counts abandons, RabbitMQ does not.</summary>
    public int PreviousDeliveries => (int)(message.Header?.DeliveryCount ?? 0);

    public string Body => message.BodySection switch
    {
        Data data => Encoding.UTF8.GetString(data.Binary),
        AmqpValue { Value: string text } => text,
        AmqpValue { Value: byte[] bytes } => Encoding.UTF8.GetString(bytes),
        _ => message.Body?.ToString() ?? "",
    };

    /// <summary>A new message with the same body and properties, e.g. for a poison queue.</summary>
    public Message Copy() => new()
    {
        BodySection = new Data { Binary = Encoding.UTF8.GetBytes(Body) },
        Properties = new Properties { MessageId = MessageId, Subject = Subject, CorrelationId = CorrelationId, ContentType = ContentType },
    };

    public void Complete() => link.Accept(message);

    public void Abandon() => link.Release(message);
}
