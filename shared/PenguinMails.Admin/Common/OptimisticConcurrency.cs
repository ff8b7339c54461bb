namespace PenguinMails.Admin.Common;

/// <summary>
/// Read → change → conditional write, repeated when the write finds the row changed since the read (a stale ETag).
/// The repeats are bounded and spread out a little, so writers on one hot row take turns; a conflict that outlasts
/// them answers 409 <c>conflict</c>: it never loops forever and never surfaces as a 500.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>How many times one operation may read and try to write before it gives up with 409.</summary>
    public const int MaxAttempts = 20;

    /// <summary>
    /// Runs <paramref name="attempt"/> (it reads, changes and writes conditionally) until it returns, retrying while
    /// <paramref name="isStale"/> says its write lost a race. After <see cref="MaxAttempts"/> lost races, 409 with
    /// <paramref name="conflictDetail"/>. Any other failure propagates at once.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, Func<Exception, bool> isStale, string conflictDetail,
        CancellationToken cancellationToken = default, string conflictCode = "conflict")
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Exception e) when (isStale(e))
            {
                if (tried >= MaxAttempts)
                {
                    throw AdminException.Conflict(conflictDetail, conflictCode);
                }
            }
            // Lost the race: let the winner's write land before reading again, a little longer each time.
            await Task.Delay(Random.Shared.Next(0, 2 * Math.Min(tried, 10)), cancellationToken);
        }
    }

    /// <summary>
    /// The same bounded retry for a write that reports a lost race by its result rather than by throwing (an append
    /// at an expected length, say): <paramref name="attempt"/> returns <c>(false, _)</c> when another writer got there
    /// first, and runs again after reading afresh.
    /// </summary>
    public static Task<T> RetryAsync<T>(Func<CancellationToken, Task<(bool Written, T Value)>> attempt, string conflictDetail,
        CancellationToken cancellationToken = default, string conflictCode = "conflict") =>
        RetryAsync(async ct => await attempt(ct) is (true, var value) ? value : throw new LostRaceException(), e => e is LostRaceException, conflictDetail,
            cancellationToken, conflictCode);

    private sealed class LostRaceException : Exception;

    /// <summary>A store's conditional write that found another writer's change (412 from <see cref="ETags"/>-checked stores).</summary>
    public static bool IsStaleWrite(Exception e) => e is AdminException { Status: 412 };
}
