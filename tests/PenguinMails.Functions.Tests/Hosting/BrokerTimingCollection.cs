namespace PenguinMails.Functions.Tests.Hosting;

/// <summary>
/// Tests whose outcome depends on a broker's lock timing (the in-test Service Bus peer holds a lock 5 s): they run
/// alone, after the parallel collections, so a loaded machine cannot stretch a delivery past its lock. Under full
/// parallel load CI saw a delivery end unrun, and a delivery the SDK's link dropped mid-send (AMQPNetLite reports it
/// as rejected with the link's error) was taken by the peer for a dead-letter; the peer now returns such a delivery.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerTimingCollection
{
    public const string Name = "Broker timing";
}
