using System.Text.Json;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Events;

/// <summary>The AMQP 1.0 adapter against the real RabbitMQ (AMQP 1.0 plugin), which needs the /queue/ address prefix.</summary>
public sealed class ServiceBusEventBusTests : IAsyncLifetime
{
    private readonly string _queue = "bus-test-" + Guid.NewGuid().ToString("N")[..8];
    private ServiceBusConnection _connection = null!;

    public Task InitializeAsync()
    {
        var endpoint = ServiceBusEndpoint.From(new ServiceBusOptions { ConnectionString = TestEnvironment.AmqpAddress, AddressPrefix = "/queue/" },
            TimeProvider.System);
        _connection = new ServiceBusConnection(endpoint, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task PublishedEvent_IsReceivedWithEventIdAsMessageIdAndItsProperties()
    {
        await using var bus = new ServiceBusEventBus(_connection);
        await using var receiver = new ServiceBusQueueReceiver(_connection, _queue);
        var published = IntegrationEvent.Create("TenantStatusChanged", new { tenantId = "t1", status = "paused" }, DateTimeOffset.UtcNow, "corr-1");

        await bus.PublishAsync(_queue, published);
        var delivery = await receiver.ReceiveAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.NotNull(delivery);
        Assert.Equal(published.Id, delivery.MessageId);
        Assert.Equal("TenantStatusChanged", delivery.Subject);
        Assert.Equal("corr-1", delivery.CorrelationId);
        Assert.Equal("application/json", delivery.ContentType);
        var body = JsonSerializer.Deserialize<IntegrationEvent>(delivery.Body, JsonSerializerOptions.Web)!;
        Assert.Equal(published.Id, body.Id);
        Assert.Equal("paused", body.Data.GetProperty("status").GetString());
        delivery.Complete();
        Assert.Null(await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None));
    }

    [Fact]
    public async Task AbandonedMessage_IsRedeliveredUntilCompleted()
    {
        await using var bus = new ServiceBusEventBus(_connection);
        await using var receiver = new ServiceBusQueueReceiver(_connection, _queue);
        var published = IntegrationEvent.Create("Test", new { n = 1 }, DateTimeOffset.UtcNow);
        await bus.PublishAsync(_queue, published);

        var first = await receiver.ReceiveAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        first!.Abandon();
        var second = await receiver.ReceiveAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(published.Id, second?.MessageId);
        second!.Complete();
        Assert.Null(await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None));
    }

    [Fact]
    public async Task SendsOnOneConnection_SurviveManyPublishes()
    {
        await using var bus = new ServiceBusEventBus(_connection);
        await using var receiver = new ServiceBusQueueReceiver(_connection, _queue);
        var ids = Enumerable.Range(0, 50).Select(i => IntegrationEvent.Create("Test", new { i }, DateTimeOffset.UtcNow)).ToList();

        await Task.WhenAll(ids.Select(e => bus.PublishAsync(_queue, e)));
        var received = new HashSet<string>();
        while (received.Count < ids.Count && await receiver.ReceiveAsync(TimeSpan.FromSeconds(5), CancellationToken.None) is { } delivery)
        {
            received.Add(delivery.MessageId!);
            delivery.Complete();
        }

        Assert.Equal(ids.Select(e => e.Id).ToHashSet(), received);
    }
}
