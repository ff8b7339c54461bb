using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Staff;

/// <summary>
/// Staff sessions, one partition per staff member. Beside the sessions the partition holds the member's access row,
/// whose version moves with every session created and every revoke-all: a session is only created if no revoke-all
/// ran since the caller read the version, and a revoke-all only commits if no session was created since it listed
/// them. So a session either exists before a revoke-all (and is revoked by it) or is created after it, from the
/// member's state read after it.
/// </summary>
public interface ISessionStore
{
    /// <summary>The version of the member's access row (null before their first session). Read it before the member.</summary>
    Task<string?> GetAccessVersionAsync(string staffId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the session if the access row is still at <paramref name="accessVersion"/>, moving it in the same
    /// transaction; false when a revoke-all or another sign-in moved it first (read again and retry).
    /// </summary>
    Task<bool> CreateAsync(StaffSession session, string? accessVersion, CancellationToken cancellationToken = default);

    Task<StaffSession?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The session row and its ETag: the one storage read of an authenticated request.</summary>
    Task<Versioned<StaffSession>?> GetAsync(string staffId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes lastSeenAt if the row is still at <paramref name="etag"/>; false when another instance touched it first or
    /// it was revoked or deleted meanwhile (nothing is written then).
    /// </summary>
    Task<bool> TouchAsync(string staffId, string sessionId, string etag, DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>Sessions of one staff member that are not revoked (expiry is the caller's to judge).</summary>
    Task<IReadOnlyList<StaffSession>> ListAsync(string staffId, CancellationToken cancellationToken = default);

    Task<bool> RevokeAsync(string staffId, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes every session of the staff member, moving the access row in the same transaction (retried while sign-ins
    /// race it), and returns how many were live.
    /// </summary>
    Task<int> RevokeAllAsync(string staffId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes sessions that expired or were revoked before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
