namespace PenguinMails.Admin.Staff;

/// <summary>Staff sessions, looked up by token hash on every request.</summary>
public interface ISessionStore
{
    Task CreateAsync(StaffSession session, CancellationToken cancellationToken = default);

    Task<StaffSession?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    Task<StaffSession?> GetAsync(string staffId, string sessionId, CancellationToken cancellationToken = default);

    Task TouchAsync(StaffSession session, DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>Sessions of one staff member that are not revoked (expiry is the caller's to judge).</summary>
    Task<IReadOnlyList<StaffSession>> ListAsync(string staffId, CancellationToken cancellationToken = default);

    Task<bool> RevokeAsync(string staffId, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Revokes every live session of the staff member and returns how many.</summary>
    Task<int> RevokeAllAsync(string staffId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes sessions that expired or were revoked before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
