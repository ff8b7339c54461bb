using Amqp;
using Azure.Core;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;

namespace PenguinMails.Functions.Tests.Events;

/// <summary>The CBS put-token handshake, against an AMQP peer on loopback that behaves like Service Bus's CBS node.</summary>
public sealed class CbsAuthorizationTests : IDisposable
{
    private readonly FakeCbsBroker _broker = new(token => token != "refused");

    public CbsAuthorizationTests() => _broker.AddQueue("tenant-status-changes");

    public void Dispose() => _broker.Dispose();

    [Fact]
    public async Task EntraToken_IsPutOnCbsForTheEntityBeforeTheMessageIsSent()
    {
        var endpoint = new ServiceBusEndpoint(new Address($"amqp://127.0.0.1:{_broker.Port}"),
            new EntraServiceBusTokenProvider(new StaticCredential("entra-token")), "");
        await using var connection = new ServiceBusConnection(endpoint, TimeProvider.System);
        await using var bus = new ServiceBusEventBus(connection);

        await bus.PublishAsync("tenant-status-changes", IntegrationEvent.Create("TenantStatusChanged", new { }, DateTimeOffset.UtcNow));

        var put = Assert.Single(_broker.PutTokens);
        Assert.Equal("amqp://127.0.0.1/tenant-status-changes", put.Audience);
        Assert.Equal("jwt", put.Type);
        Assert.Equal("entra-token", put.Token);
        Assert.Single(_broker.Queues["tenant-status-changes"]);
    }

    [Fact]
    public async Task SasToken_IsSignedForTheEntityAudience()
    {
        var endpoint = new ServiceBusEndpoint(new Address($"amqp://127.0.0.1:{_broker.Port}"),
            new SasServiceBusTokenProvider("send", "a-key", TimeProvider.System), "");
        await using var connection = new ServiceBusConnection(endpoint, TimeProvider.System);
        await using var bus = new ServiceBusEventBus(connection);

        await bus.PublishAsync("tenant-status-changes", IntegrationEvent.Create("TenantStatusChanged", new { }, DateTimeOffset.UtcNow));
        await bus.PublishAsync("tenant-status-changes", IntegrationEvent.Create("TenantStatusChanged", new { }, DateTimeOffset.UtcNow));

        var put = Assert.Single(_broker.PutTokens);
        Assert.Equal(ServiceBusToken.SasType, put.Type);
        Assert.StartsWith("SharedAccessSignature sr=amqp%3A%2F%2F127.0.0.1%2Ftenant-status-changes&sig=", put.Token);
        Assert.Contains("&skn=send", put.Token);
        Assert.Equal(2, _broker.Queues["tenant-status-changes"].Count);
    }

    [Fact]
    public async Task RefusedToken_FailsThePublish()
    {
        var endpoint = new ServiceBusEndpoint(new Address($"amqp://127.0.0.1:{_broker.Port}"),
            new EntraServiceBusTokenProvider(new StaticCredential("refused")), "");
        await using var connection = new ServiceBusConnection(endpoint, TimeProvider.System);
        await using var bus = new ServiceBusEventBus(connection);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            bus.PublishAsync("tenant-status-changes", IntegrationEvent.Create("TenantStatusChanged", new { }, DateTimeOffset.UtcNow)));
        Assert.Empty(_broker.Queues["tenant-status-changes"]);
    }

    [Fact]
    public void SharedAccessConnectionString_TargetsTheNamespaceOverTls()
    {
        var endpoint = ServiceBusEndpoint.From(new ServiceBusOptions
        {
            ConnectionString = "Endpoint=sb://penguin.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc",
        }, TimeProvider.System);

        Assert.Equal("penguin.servicebus.windows.net", endpoint.Address.Host);
        Assert.Equal(5671, endpoint.Address.Port);
        Assert.True(endpoint.Address.UseSsl);
        Assert.IsType<SasServiceBusTokenProvider>(endpoint.Tokens);
        Assert.Equal("amqp://penguin.servicebus.windows.net/q", endpoint.Audience("q"));
    }

    /// <summary>Stands in for the Microsoft Entra token endpoint that DefaultAzureCredential would call.</summary>
    private sealed class StaticCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
