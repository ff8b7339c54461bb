using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Staff;

/// <summary>
/// Issues sessions and resolves a bearer token to an <see cref="Actor"/> on every request:
/// token → session (live) → staff member (active, same security stamp) → permissions. Nothing is cached,
/// so a revocation takes effect on every instance at the next request.
/// </summary>
public sealed class SessionService(ISessionStore sessions, IStaffStore staff, TimeProvider time)
{
    public async Task<(string Token, StaffSession Session)> IssueAsync(StaffMember member, string? ip, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var sessionId = SessionTokens.NewId();
        var token = SessionTokens.NewToken(member.Id, sessionId);
        var session = new StaffSession(sessionId, member.Id, SessionTokens.Hash(token), member.SecurityStamp, now, now,
            now + SessionPolicy.AbsoluteLifetime, Truncate(ip, 64), Truncate(userAgent, 512), null, member.Roles);
        await sessions.CreateAsync(session, cancellationToken);
        return (token, session);
    }

    public async Task<Actor> AuthenticateAsync(string? token, RequestOrigin origin, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !SessionTokens.TryParse(token, out var staffId, out var sessionId))
        {
            throw AdminException.Unauthenticated();
        }
        // The token names both rows, so the two point reads run side by side.
        var sessionRead = sessions.GetAsync(staffId, sessionId, cancellationToken);
        var memberRead = staff.GetAsync(staffId, cancellationToken);
        await Task.WhenAll(sessionRead, memberRead);
        var session = await sessionRead;
        if (session is null || !SessionTokens.Matches(token, session.TokenHash))
        {
            throw AdminException.Unauthenticated("The session token is not valid.");
        }
        var now = time.GetUtcNow();
        if (session.RevokedAt is not null)
        {
            throw AdminException.Unauthenticated("Your session was revoked.", "session_revoked");
        }
        if (!SessionPolicy.IsLive(session, now))
        {
            throw AdminException.Unauthenticated("Your session expired; sign in again.", "session_expired");
        }
        var member = (await memberRead)?.Value;
        if (member is null || member.Status != StaffStatus.Active || member.SecurityStamp != session.SecurityStamp)
        {
            throw AdminException.Unauthenticated("Your session was revoked.", "session_revoked");
        }
        if (now - session.LastSeenAt >= SessionPolicy.TouchInterval)
        {
            await sessions.TouchAsync(session, now, cancellationToken);
        }
        var roles = member.Roles.Intersect(session.Roles).ToList();
        return new Actor(member.Id, member.Email, roles, RoleCatalog.PermissionsOf(roles), session.Id,
            origin.IpAddress, origin.UserAgent, origin.CorrelationId);
    }

    /// <summary>Live sessions of a staff member, newest first.</summary>
    public async Task<IReadOnlyList<StaffSession>> ListLiveAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var member = (await staff.GetAsync(staffId, cancellationToken))?.Value;
        var all = await sessions.ListAsync(staffId, cancellationToken);
        return all.Where(s => SessionPolicy.IsLive(s, now) && s.SecurityStamp == member?.SecurityStamp)
            .OrderByDescending(s => s.CreatedAt).ToList();
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
