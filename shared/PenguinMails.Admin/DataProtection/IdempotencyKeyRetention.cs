using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.DataProtection;

/// <summary>
/// Deletes Idempotency-Key records older than their 24-hour lifetime: after that a retry with the key runs afresh, so
/// the stored answer (up to 900 KB) is only dead weight. Not a setting: the lifetime is the API's promise.
/// </summary>
public sealed class IdempotencyKeyRetention(IIdempotencyStore keys) : IRetentionTarget
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string Name => "idempotencyKeys";

    public async Task<RetentionResult> EnforceAsync(RetentionDays retention, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        new(Name, 0, await keys.DeleteExpiredAsync(now - Lifetime, cancellationToken), "keys older than their 24-hour lifetime");
}
