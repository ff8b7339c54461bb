using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Hosting;

/// <summary>With Bus__Kind=ServiceBus the local trigger runner reads Service Bus triggers from the AMQP broker (RabbitMQ here).</summary>
public sealed class LocalServiceBusTriggerTests : IDisposable
{
    private readonly AdminAppFactory _factory;

    public LocalServiceBusTriggerTests()
    {
        var prefix = "/queue/sb" + Guid.NewGuid().ToString("N")[..8] + "-";
        _factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Triggers:RunLocally"] = "true",
            ["Bus:Kind"] = "ServiceBus",
            ["ServiceBus:ConnectionString"] = TestEnvironment.AmqpAddress,
            ["ServiceBus:AddressPrefix"] = prefix,
        }).WithServices(services =>
        {
            services.AddServiceBusFunction<RecordingFunction>("TestBusRecording", "bus-recording");
            services.AddServiceBusFunction<AlwaysFailingFunction>("TestBusFailing", "bus-failing");
        });
        _ = _factory.Server;
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PublishedEvent_ReachesItsServiceBusFunctionOnce()
    {
        var bus = _factory.Services.GetRequiredService<IIntegrationEventBus>();
        Assert.IsType<ServiceBusEventBus>(bus);
        var published = IntegrationEvent.Create("Test", new { value = Guid.NewGuid() }, DateTimeOffset.UtcNow);

        await bus.PublishAsync("bus-recording", published);

        await Eventually.TrueAsync(() => Task.FromResult(RecordingFunction.Received.Any(p => p.Contains(published.Id, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(90));
        await Task.Delay(300);
        Assert.Single(RecordingFunction.Received, p => p.Contains(published.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageThatFailsFiveTimes_MovesToThePoisonQueue()
    {
        var connection = _factory.Services.GetRequiredService<ServiceBusConnection>();
        var published = IntegrationEvent.Create("Test", new { doomed = true }, DateTimeOffset.UtcNow);

        await _factory.Services.GetRequiredService<IIntegrationEventBus>().PublishAsync("bus-failing", published);

        await using var poison = new ServiceBusQueueReceiver(connection, "bus-failing-poison");
        var dead = await poison.ReceiveAsync(TimeSpan.FromSeconds(90), CancellationToken.None);
        Assert.Equal(published.Id, dead?.MessageId);
        dead!.Complete();
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
