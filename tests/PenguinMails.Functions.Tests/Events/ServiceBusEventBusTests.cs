using System.Text.Json;
using Amqp;
using Azure.Messaging.ServiceBus;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;

namespace PenguinMails.Functions.Tests.Events;

/// <summary>The Service Bus SDK sender over real AMQP 1.0, against the in-test Service Bus peer: what the broker saw.</summary>
public sealed class ServiceBusEventBusTests : IAsyncLifetime
{
    private const string Queue = "tenant-status-changes";
    private readonly FakeServiceBus _broker = new();
    private ServiceBusClient _client = null!;

    public Task InitializeAsync()
    {
        _broker.AddQueue(Queue);
        _client = ServiceBusClientFactory.Create(new ServiceBusOptions { ConnectionString = _broker.ConnectionString });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _broker.Dispose();
    }

    [Fact]
    public async Task PublishedEvent_ArrivesWithEventIdAsMessageIdAndTheTypeAsSubjectAndProperty()
    {
        await using var bus = new ServiceBusEventBus(_client);
        var published = IntegrationEvent.Create("TenantStatusChanged", new { tenantId = "t1", status = "paused" }, DateTimeOffset.UtcNow, "corr-1");

        await bus.PublishAsync(Queue, published);

        var message = Assert.Single(_broker.Queue(Queue).Received);
        Assert.Equal(published.Id, message.Properties.MessageId);
        Assert.Equal("TenantStatusChanged", message.Properties.Subject);
        Assert.Equal("corr-1", message.Properties.CorrelationId);
        Assert.Equal("application/json", message.Properties.ContentType.ToString());
        Assert.Equal("TenantStatusChanged", message.ApplicationProperties[ServiceBusEventBus.TypeProperty]);
        var body = JsonSerializer.Deserialize<IntegrationEvent>(Body(message), JsonSerializerOptions.Web)!;
        Assert.Equal(published.Id, body.Id);
        Assert.Equal("paused", body.Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PeekLockReceiver_GetsThePublishedEventAndCompletesIt()
    {
        await using var bus = new ServiceBusEventBus(_client);
        await using var receiver = _client.CreateReceiver(Queue);
        var published = IntegrationEvent.Create("Test", new { n = 1 }, DateTimeOffset.UtcNow);

        await bus.PublishAsync(Queue, published);
        var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10));
        await receiver.CompleteMessageAsync(message);

        Assert.Equal(published.Id, message.MessageId);
        Assert.Equal(1, message.DeliveryCount);
        Assert.Equal(published.Id, Assert.Single(_broker.Queue(Queue).Completed).Properties.MessageId);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task SasToken_IsPutOnCbsForTheEntityBeforeTheSend()
    {
        await using var bus = new ServiceBusEventBus(_client);

        await bus.PublishAsync(Queue, IntegrationEvent.Create("TenantStatusChanged", new { }, DateTimeOffset.UtcNow));
        await bus.PublishAsync(Queue, IntegrationEvent.Create("TenantStatusChanged", new { }, DateTimeOffset.UtcNow));

        var put = Assert.Single(_broker.PutTokens, t => t.Audience.EndsWith("/" + Queue, StringComparison.Ordinal));
        Assert.Equal("servicebus.windows.net:sastoken", put.Type);
        Assert.StartsWith("SharedAccessSignature ", put.Token);
        Assert.Contains("skn=" + FakeServiceBus.KeyName, put.Token);
        Assert.Equal(2, _broker.Queue(Queue).Received.Count);
    }

    [Fact]
    public async Task ManyConcurrentPublishes_AllArriveOnce()
    {
        await using var bus = new ServiceBusEventBus(_client);
        var events = Enumerable.Range(0, 50).Select(i => IntegrationEvent.Create("Test", new { i }, DateTimeOffset.UtcNow)).ToList();

        await Task.WhenAll(events.Select(e => bus.PublishAsync(Queue, e)));

        Assert.Equal(events.Select(e => e.Id).Order(), _broker.Queue(Queue).Received.Select(m => m.Properties.MessageId).Order());
    }

    [Fact]
    public async Task RefusedToken_FailsThePublishAndNothingArrives()
    {
        using var refusing = new FakeServiceBus(acceptToken: _ => false);
        refusing.AddQueue(Queue);
        await using var client = ServiceBusClientFactory.Create(new ServiceBusOptions { ConnectionString = refusing.ConnectionString });
        await using var bus = new ServiceBusEventBus(client);

        await Assert.ThrowsAnyAsync<Exception>(() => bus.PublishAsync(Queue, IntegrationEvent.Create("Test", new { }, DateTimeOffset.UtcNow)));
        Assert.Empty(refusing.Queue(Queue).Received);
    }

    [Fact]
    public async Task FullyQualifiedNamespace_IsUsedWithATokenCredentialWhenNoConnectionStringIsSet()
    {
        await using var client = ServiceBusClientFactory.Create(new ServiceBusOptions { FullyQualifiedNamespace = "penguin.servicebus.windows.net" });

        Assert.Equal("penguin.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.Equal(ServiceBusTransportType.AmqpTcp, client.TransportType);
    }

    [Fact]
    public void NeitherNamespaceNorConnectionString_IsAClearConfigurationError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusClientFactory.Create(new ServiceBusOptions()));

        Assert.Contains("ServiceBus__FullyQualifiedNamespace", error.Message);
    }

    private static string Body(Message message) => message.Body switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => System.Text.Encoding.UTF8.GetString(((Amqp.Framing.Data)message.BodySection).Binary),
    };
}
