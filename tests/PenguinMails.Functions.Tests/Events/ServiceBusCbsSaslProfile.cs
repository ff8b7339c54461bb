using Amqp;
using Amqp.Framing;
using Amqp.Sasl;
using Amqp.Types;

namespace PenguinMails.Functions.Tests.Events;

/// <summary>
/// The server side of Service Bus's <c>MSSBCBS</c> SASL mechanism: the client authenticates nothing at the SASL layer
/// and puts its tokens on the <c>$cbs</c> node afterwards, so the exchange always ends in OK.
/// </summary>
public sealed class ServiceBusCbsSaslProfile() : SaslProfile(MechanismName)
{
    public const string MechanismName = "MSSBCBS";
    private const ulong SaslInitCode = 0x41;

    protected override ITransport UpgradeTransport(ITransport transport) => transport;

    protected override DescribedList GetStartCommand(string hostname) => new SaslInit { Mechanism = MechanismName };

    protected override DescribedList OnCommand(DescribedList command) =>
        command.Descriptor.Code == SaslInitCode ? new SaslOutcome { Code = SaslCode.Ok } : null!;
}
