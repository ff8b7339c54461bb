using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Staff;

/// <summary>
/// Issues sessions and resolves a bearer token to an <see cref="Actor"/> on every request with one point read: the
/// session row carries the member's email, the roles and the security stamp it was issued under. It is enough
/// because a session row is valid only while it is unrevoked, and every change that shrinks access (a role removed,
/// a suspension, an offboarding, a revocation) revokes all the member's sessions before it commits; the access row
/// (<see cref="ISessionStore"/>) keeps a racing sign-in from slipping a session past that. Nothing is cached, so a
/// revocation takes effect on every instance at the next request.
/// </summary>
public sealed class SessionService(ISessionStore sessions, IStaffStore staff, TimeProvider time)
{
    /// <summary>
    /// Issues a session for <paramref name="member"/> as it is committed now: it reads the access version, then the
    /// member, then records the sign-in on the member row (which makes any change read before it fail its ETag check),
    /// then creates the session under that access version. Refused when the member is not active.
    /// </summary>
    public Task<IssuedSession> IssueAsync(StaffMember member, string? ip, string? userAgent, CancellationToken cancellationToken = default) =>
        // A change to the member (412 on the sign-in record) or to its access (the session's access version moved)
        // since the reads makes the attempt lose the race: read again.
        OptimisticConcurrency.RetryAsync(async ct =>
        {
            var accessVersion = await sessions.GetAccessVersionAsync(member.Id, ct);
            var current = await staff.GetAsync(member.Id, ct);
            if (current?.Value.Status != StaffStatus.Active)
            {
                throw AdminException.Unauthenticated("Sign-in was refused.", "sign_in_refused");
            }
            var now = time.GetUtcNow();
            Versioned<StaffMember> committed;
            try
            {
                committed = await staff.UpdateAsync(current.Value with { LastLoginAt = now }, current.ETag, ct);
            }
            catch (AdminException e) when (e.Status == 412)
            {
                return (false, null!);
            }
            var signedIn = committed.Value;
            var sessionId = SessionTokens.NewId();
            var token = SessionTokens.NewToken(signedIn.Id, sessionId);
            var session = new StaffSession(sessionId, signedIn.Id, signedIn.Email, SessionTokens.Hash(token), signedIn.SecurityStamp, now, now,
                now + SessionPolicy.AbsoluteLifetime, Truncate(ip, 64), Truncate(userAgent, 512), null, signedIn.Roles);
            return await sessions.CreateAsync(session, accessVersion, ct) ? (true, new IssuedSession(token, session, signedIn)) : (false, null!);
        }, "The staff member's access changed during sign-in; try again.", cancellationToken, "sign_in_conflict");

    public async Task<Actor> AuthenticateAsync(string? token, RequestOrigin origin, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !SessionTokens.TryParse(token, out var staffId, out var sessionId))
        {
            throw AdminException.Unauthenticated();
        }
        var row = await sessions.GetAsync(staffId, sessionId, cancellationToken);
        if (row is null || !SessionTokens.Matches(token, row.Value.TokenHash))
        {
            throw AdminException.Unauthenticated("The session token is not valid.");
        }
        var session = row.Value;
        if (session.RevokedAt is not null)
        {
            throw AdminException.Unauthenticated("Your session was revoked.", "session_revoked");
        }
        var now = time.GetUtcNow();
        // A row without an email predates one-read sessions, whose revocation guarantees it lacks: sign in again.
        if (!SessionPolicy.IsLive(session, now) || session.Email.Length == 0)
        {
            throw AdminException.Unauthenticated("Your session expired; sign in again.", "session_expired");
        }
        if (now - session.LastSeenAt >= SessionPolicy.TouchInterval)
        {
            // Conditional on the row read: when instances race, one writes and the others skip.
            await sessions.TouchAsync(staffId, sessionId, row.ETag, now, cancellationToken);
        }
        return new Actor(staffId, session.Email, session.Roles, RoleCatalog.PermissionsOf(session.Roles), session.Id,
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

    /// <summary>
    /// Ends one of the caller's own sessions (sign-out, or "end this session" on another device). The session is
    /// looked up under the caller's id, so nobody ends another person's session this way. False when there is none.
    /// </summary>
    public Task<bool> EndOwnAsync(Actor actor, string sessionId, CancellationToken cancellationToken = default) =>
        sessions.RevokeAsync(actor.Id, sessionId, time.GetUtcNow(), cancellationToken);

    /// <summary>Deletes sessions that have been dead (expired or revoked) for longer than <paramref name="grace"/>; returns how many.</summary>
    public Task<int> DeleteDeadAsync(TimeSpan grace, CancellationToken cancellationToken = default) =>
        sessions.DeleteExpiredAsync(time.GetUtcNow() - grace, cancellationToken);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
