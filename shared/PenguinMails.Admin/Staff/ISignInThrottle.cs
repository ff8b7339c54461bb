namespace PenguinMails.Admin.Staff;

/// <summary>Counts failed sign-ins per key (an email or an IP) in a sliding window.</summary>
public interface ISignInThrottle
{
    /// <summary>How long the key must wait, or null when it may try now.</summary>
    Task<TimeSpan?> RetryAfterAsync(string key, int limit, CancellationToken cancellationToken = default);

    Task RecordFailureAsync(string key, CancellationToken cancellationToken = default);

    Task ResetAsync(string key, CancellationToken cancellationToken = default);
}
