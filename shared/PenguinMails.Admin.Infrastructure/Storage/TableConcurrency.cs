using Azure;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>What a lost optimistic-concurrency race looks like from Table storage, for <c>OptimisticConcurrency.RetryAsync</c>.</summary>
public static class TableConcurrency
{
    /// <summary>
    /// The conditional write found the row changed (412) or already added by another writer (409), or the
    /// store mapped that to 412 <c>precondition_failed</c>.
    /// </summary>
    public static bool IsStale(Exception e) =>
        e is RequestFailedException { Status: 409 or 412 } || OptimisticConcurrency.IsStaleWrite(e);
}
