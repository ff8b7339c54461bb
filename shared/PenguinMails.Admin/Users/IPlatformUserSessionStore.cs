namespace PenguinMails.Admin.Users;

/// <summary>
/// The platform users' sessions table, which the mail platform checks on every request. Revoking here is what
/// logs a banned user out everywhere.
/// </summary>
public interface IPlatformUserSessionStore
{
    Task CreateAsync(PlatformUserSession session, CancellationToken cancellationToken = default);

    /// <summary>Sessions of the user that are not revoked and not expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<PlatformUserSession>> ListLiveAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Revokes every live session of the user; returns how many. Idempotent.</summary>
    Task<int> RevokeAllAsync(string userId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);
}
