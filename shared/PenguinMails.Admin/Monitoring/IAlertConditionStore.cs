namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Open alert conditions, shared by every instance, so one condition alerts once rather than every minute from
/// every instance.
/// </summary>
public interface IAlertConditionStore
{
    /// <summary>
    /// Claims the right to notify about <paramref name="key"/>: true when it was not open, or was last notified
    /// at least <paramref name="renotifyAfter"/> ago. Atomic: of concurrent callers, one gets true.
    /// </summary>
    Task<bool> TryClaimAsync(string key, DateTimeOffset now, TimeSpan renotifyAfter, CancellationToken cancellationToken = default);

    /// <summary>The keys of every open condition.</summary>
    Task<IReadOnlyList<string>> ListOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Closes a condition (it cleared, or its notification failed), so it can be claimed again.</summary>
    Task CloseAsync(string key, CancellationToken cancellationToken = default);
}
