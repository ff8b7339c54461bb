namespace PenguinMails.Admin.Common;

/// <summary>
/// Remembers the first answer to a request sent with an <c>Idempotency-Key</c>, per staff member, for 24 hours.
/// A key is first reserved (so a concurrent duplicate cannot run too), then completed with the answer.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Reserves the key, or returns what is already recorded for it (a pending reservation or a completed answer).</summary>
    Task<IdempotencyRecord?> TryReserveAsync(string scope, string key, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records the answer for a key this caller reserved.</summary>
    Task CompleteAsync(string scope, string key, IdempotentResponse response, CancellationToken cancellationToken = default);

    /// <summary>Releases a reservation whose request failed, so a retry may run again.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the keys reserved before <paramref name="reservedBefore"/> (expired keys no retry can use any more),
    /// leaving any that was reserved afresh meanwhile; returns how many it deleted.
    /// </summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset reservedBefore, CancellationToken cancellationToken = default);
}

/// <summary>What is recorded for a key: the request's fingerprint, when it was reserved, and the answer once there is one.</summary>
public sealed record IdempotencyRecord(string Fingerprint, DateTimeOffset ReservedAt, IdempotentResponse? Response);

/// <summary>The first answer: status, the headers a client relies on (Location, ETag, Content-Type…) and the body.</summary>
public sealed record IdempotentResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);
