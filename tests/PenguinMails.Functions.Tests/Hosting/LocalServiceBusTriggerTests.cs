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
        await Eventually.TrueAsync(() => Task.FromResult(_broker.Queue("bus-recording").Completed.Any(m => m.Properties.MessageId == published.Id)));
        Assert.Single(RecordingFunction.Received, p => p.Contains(published.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageThatFailsFiveTimes_IsDeadLettered()
    {
        var client = _factory.Services.GetRequiredService<ServiceBusClient>();
        var published = IntegrationEvent.Create("Test", new { doomed = true }, DateTimeOffset.UtcNow);

        await _factory.Services.GetRequiredService<IIntegrationEventBus>().PublishAsync("bus-failing", published);

        await using var deadLetters = client.CreateReceiver("bus-failing", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(published.Id, dead?.MessageId);
        Assert.Equal(ServiceBusMessageProcessor.DeadLetterReason, dead!.DeadLetterReason);
        await deadLetters.CompleteMessageAsync(dead);
        Assert.Equal(LocalTriggerRunner.MaxDequeueCount, AlwaysFailingFunction.Attempts.Count(a => a.Contains(published.Id, StringComparison.Ordinal)));
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
