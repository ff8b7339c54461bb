using Azure;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Maps storage concurrency failures to the API's problems: a stale ETag is 412, a duplicate insert is 409.</summary>
public static class TableErrors
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> operation, string? conflictDetail = null)
    {
        try
        {
            return await operation();
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw AdminException.PreconditionFailed();
        }
        catch (RequestFailedException e) when (e.Status == 409 && conflictDetail is not null)
        {
            throw AdminException.Conflict(conflictDetail);
        }
    }

    public static async Task GuardAsync(Func<Task> operation, string? conflictDetail = null) =>
        await GuardAsync(async () => { await operation(); return true; }, conflictDetail);

    /// <summary>
    /// Whether a storage write failed or gave up, as opposed to the caller cancelling: the service refused it
    /// (<see cref="RequestFailedException"/>), or the SDK's network timeout ran out, which surfaces as a
    /// <see cref="OperationCanceledException"/> or an <see cref="AggregateException"/> of them once its retries are spent.
    /// Writes of derived data (index rows) use it to fall back to their repair queue rather than fail a committed change.
    /// </summary>
    public static bool IsWriteFailure(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is RequestFailedException or OperationCanceledException or AggregateException;

    /// <summary>An If-Match value from a caller, or <see cref="ETag.All"/> when they sent none.</summary>
    public static ETag IfMatch(string? etag) => string.IsNullOrWhiteSpace(etag) ? ETag.All : new ETag(etag);
}
