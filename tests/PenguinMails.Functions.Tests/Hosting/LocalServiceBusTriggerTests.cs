using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Events;
using Azure.Messaging.ServiceBus;
using PenguinMails.Admin.Infrastructure.Events;
using PenguinMails.Functions.Tests.Events;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Hosting;

/// <summary>
/// With Bus__Kind=ServiceBus the local trigger runner reads Service Bus triggers with the SDK's receiver, from the
/// in-test Service Bus peer over AMQP 1.0.
/// </summary>
[Collection(BrokerTimingCollection.Name)]
public sealed class LocalServiceBusTriggerTests : IDisposable
{
    private readonly FakeServiceBus _broker = new();
    private readonly AdminAppFactory _factory;

    public LocalServiceBusTriggerTests()
    {
        _broker.AddQueue("bus-recording");
        _broker.AddQueue("bus-failing");
        foreach (var destination in EventDestinations.All)
        {
            _broker.AddQueue(destination);
        }
        _factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Triggers:RunLocally"] = "true",
            ["Bus:Kind"] = "ServiceBus",
            ["ServiceBus:ConnectionString"] = _broker.ConnectionString,
        }).WithServices(services =>
        {
            services.AddServiceBusFunction<RecordingFunction>("TestBusRecording", "bus-recording");
            services.AddServiceBusFunction<AlwaysFailingFunction>("TestBusFailing", "bus-failing");
        });
        _ = _factory.Server;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _broker.Dispose();
    }

    [Fact]
    public async Task PublishedEvent_ReachesItsServiceBusFunctionOnce()
    {
        var bus = _factory.Services.GetRequiredService<IIntegrationEventBus>();
        Assert.IsType<ServiceBusEventBus>(bus);
        var published = IntegrationEvent.Create("Test", new { value = Guid.NewGuid() }, DateTimeOffset.UtcNow);

        await bus.PublishAsync("bus-recording", published);

        await Eventually.TrueAsync(() => Task.FromResult(RecordingFunction.Received.Any(p => p.Contains(published.Id, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(90));
        await Eventually.TrueAsync(() => Task.FromResult(_broker.Queue("bus-recording").Completed.Any(m => m.Properties.MessageId == published.Id)),
            TimeSpan.FromSeconds(60));
        // Service Bus delivers at least once: a completion lost on a loaded machine lets the lock expire and the message
        // come again, so the function may see it more than once, and the broker records exactly one completion.
        Assert.Single(_broker.Queue("bus-recording").Completed, m => m.Properties.MessageId == published.Id);
    }

    [Fact]
    public async Task MessageThatFailsFiveTimes_IsDeadLettered()
    {
        var published = IntegrationEvent.Create("Test", new { doomed = true }, DateTimeOffset.UtcNow);

        await _factory.Services.GetRequiredService<IIntegrationEventBus>().PublishAsync("bus-failing", published);

        // The broker records the runner's dead-letter disposition as it arrives over AMQP; reading it back through a
        // second receiver would only test the SDK (and its settlement timeouts on a loaded machine).
        var queue = _broker.Queue("bus-failing");
        await Eventually.TrueAsync(() => Task.FromResult(queue.DeadLettered.Any(m => m.Properties.MessageId == published.Id)),
            TimeSpan.FromSeconds(180));
        var dead = Assert.Single(queue.DeadLettered, m => m.Properties.MessageId == published.Id);
        Assert.True(ServiceBusMessageProcessor.DeadLetterReason.Equals(dead.ApplicationProperties["DeadLetterReason"]),
            $"dead-lettered as {dead.ApplicationProperties["DeadLetterReason"]} ({dead.ApplicationProperties["DeadLetterErrorDescription"]}) " +
            $"after {dead.Header.DeliveryCount} earlier deliveries");
        Assert.Equal(1, _broker.Queue("bus-failing/$deadletterqueue").Depth);
        // Dead-lettered on its last delivery, not before: the header counts the earlier unsuccessful deliveries.
        Assert.Equal((uint)(LocalTriggerRunner.MaxDequeueCount - 1), dead.Header.DeliveryCount);
        // Each delivery runs the function at most once. A delivery can also end unrun (its lock expired while the
        // message waited in the receiver's buffer on a loaded machine), which Service Bus counts too, so the function
        // ran between once and five times; CI once saw four.
        Assert.InRange(AlwaysFailingFunction.Attempts.Count(a => a.Contains(published.Id, StringComparison.Ordinal)), 1, LocalTriggerRunner.MaxDequeueCount);
    }

    private sealed class RecordingFunction : ITriggeredFunction
    {
        public static readonly ConcurrentBag<string> Received = [];

        public Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
        {
            Received.Add(invocation.Payload);
            return Task.CompletedTask;
        }
    }

    private sealed class AlwaysFailingFunction : ITriggeredFunction
    {
        public static readonly ConcurrentBag<string> Attempts = [];

        public Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
        {
            Attempts.Add(invocation.Payload);
            throw new InvalidOperationException("this function always fails");
        }
    }
}
