using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Users;

/// <summary>
/// What follows a committed user change: a ban or a move to another tenant revokes the user's sessions, and
/// bans, unbans, moves and revocations are published to <see cref="EventDestinations.UserEvents"/>.
/// </summary>
public sealed class UserEffects(IPlatformUserSessionStore sessions, IIntegrationEventBus bus, TimeProvider time)
{
    /// <summary>Runs the effects of <paramref name="before"/> becoming <paramref name="after"/>; returns the sessions revoked.</summary>
    public async Task<int> ApplyAsync(Actor actor, PlatformUser before, PlatformUser after, string? reason, CancellationToken cancellationToken = default)
    {
        var revoked = 0;
        if (before.Status != PlatformUserStatus.Banned && after.Status == PlatformUserStatus.Banned)
        {
            revoked = await sessions.RevokeAllAsync(after.Id, time.GetUtcNow(), cancellationToken);
            await PublishAsync(actor, UserEvents.Banned, after, null, revoked, reason, cancellationToken);
        }
        else if (before.Status == PlatformUserStatus.Banned && after.Status != PlatformUserStatus.Banned)
        {
            await PublishAsync(actor, UserEvents.Unbanned, after, null, null, reason, cancellationToken);
        }
        if (before.TenantId != after.TenantId)
        {
            // A session is scoped to the tenant it was opened in; after a move it must not keep working there.
            revoked += await sessions.RevokeAllAsync(after.Id, time.GetUtcNow(), cancellationToken);
            await PublishAsync(actor, UserEvents.MovedTenant, after, before.TenantId, revoked, reason, cancellationToken);
        }
        return revoked;
    }

    /// <summary>Revokes every live session of the user and publishes <c>UserSessionsRevoked</c>.</summary>
    public async Task<int> RevokeSessionsAsync(Actor actor, PlatformUser user, string reason, CancellationToken cancellationToken = default)
    {
        var revoked = await sessions.RevokeAllAsync(user.Id, time.GetUtcNow(), cancellationToken);
        await PublishAsync(actor, UserEvents.SessionsRevoked, user, null, revoked, reason, cancellationToken);
        return revoked;
    }

    /// <summary>Revokes what is still live without publishing: retrying a ban cleans up after a ban whose revocation failed.</summary>
    public Task<int> RevokeQuietlyAsync(PlatformUser user, CancellationToken cancellationToken = default) =>
        sessions.RevokeAllAsync(user.Id, time.GetUtcNow(), cancellationToken);

    private Task PublishAsync(Actor actor, string type, PlatformUser user, string? previousTenantId, int? revoked, string? reason,
        CancellationToken cancellationToken) =>
        bus.PublishAsync(EventDestinations.UserEvents, IntegrationEvent.Create(type,
            new UserEventData(user.Id, user.TenantId, previousTenantId, revoked, reason, actor.Id), time.GetUtcNow(), actor.CorrelationId), cancellationToken);
}
