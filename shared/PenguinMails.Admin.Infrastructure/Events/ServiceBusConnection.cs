using System.Collections.Concurrent;
using Amqp;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// One AMQP connection and session shared by every sender and receiver, re-opened when the peer drops it.
/// With token auth it puts a token on the CBS node for each entity before a link attaches, and again before
/// the token expires, so long-lived links stay authorized.
/// </summary>
public sealed class ServiceBusConnection(ServiceBusEndpoint endpoint, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _authorizedUntil = new(StringComparer.Ordinal);
    private Connection? _connection;
    private Session? _session;
    private CbsTokenClient? _cbs;

    public ServiceBusEndpoint Endpoint => endpoint;

    /// <summary>Opens a sender on <paramref name="entity"/>, authorizing it first when tokens are in use.</summary>
    public async Task<SenderLink> OpenSenderAsync(string entity, CancellationToken cancellationToken)
    {
        var session = await AuthorizeAsync(entity, cancellationToken);
        return new SenderLink(session, $"send-{entity}-{Guid.NewGuid():N}", endpoint.EntityAddress(entity));
    }

    public async Task<ReceiverLink> OpenReceiverAsync(string entity, CancellationToken cancellationToken)
    {
        var session = await AuthorizeAsync(entity, cancellationToken);
        return new ReceiverLink(session, $"receive-{entity}-{Guid.NewGuid():N}", endpoint.EntityAddress(entity));
    }

    /// <summary>Ensures the session is open and the entity's token (if any) is fresh; returns the session.</summary>
    public async Task<Session> AuthorizeAsync(string entity, CancellationToken cancellationToken)
    {
        var session = await GetSessionAsync(cancellationToken);
        if (endpoint.Tokens is null)
        {
            return session;
        }
        if (_authorizedUntil.TryGetValue(entity, out var until) && until - RenewBefore > time.GetUtcNow())
        {
            return session;
        }
        var audience = endpoint.Audience(entity);
        var token = await endpoint.Tokens.GetTokenAsync(audience, cancellationToken);
        await _cbs!.PutTokenAsync(audience, token, cancellationToken);
        _authorizedUntil[entity] = token.ExpiresAt;
        return session;
    }

    /// <summary>True when the shared connection is gone, so cached links must be re-opened.</summary>
    public bool IsBroken(Link? link) => link is null || link.IsClosed || _session is null || _session.IsClosed || _connection!.IsClosed;

    private async Task<Session> GetSessionAsync(CancellationToken cancellationToken)
    {
        if (_session is { IsClosed: false } ready && _connection is { IsClosed: false })
        {
            return ready;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_session is { IsClosed: false } current && _connection is { IsClosed: false })
            {
                return current;
            }
            var factory = new ConnectionFactory();
            if (endpoint.SaslProfile is { } profile)
            {
                factory.SASL.Profile = profile;
            }
            _connection = await factory.CreateAsync(endpoint.Address, cancellationToken);
            _session = new Session(_connection);
            _cbs = endpoint.Tokens is null ? null : new CbsTokenClient(_session);
            _authorizedUntil.Clear();
            return _session;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cbs is not null)
        {
            await _cbs.DisposeAsync();
        }
        await AmqpShutdown.CloseQuietlyAsync(_connection);
        _gate.Dispose();
    }
}
