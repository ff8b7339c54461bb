namespace PenguinMails.Admin.Users;

/// <summary>How a bulk operation is cut up: when it leaves the request, and which users go together in one batch.</summary>
public static class BulkUserPlan
{
    /// <summary>Real runs over more users than this run as a workflow; dry runs and smaller runs answer in the request.</summary>
    public const int SynchronousLimit = 500;

    /// <summary>
    /// Users per batch (one activity, one results write). Writes inside a batch go 100 users per storage transaction;
    /// a larger batch spreads its fixed costs (plan, results, audit head) over more users.
    /// </summary>
    public const int BatchSize = 500;

    /// <summary>
    /// The distinct ids, sorted, then cut into batches. Sorting puts users that share a storage partition (the
    /// stores partition by the id's first character) side by side, so each batch fills its transactions.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Batches(IEnumerable<string> ids) =>
        ids.Select(i => i?.Trim() ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(BatchSize)
            .Select(c => (IReadOnlyList<string>)c).ToList();

    /// <summary>The key that marks a user as changed by this batch: written with the change, checked on a re-run.</summary>
    public static string BatchKey(string operationId, int batch) => $"{operationId}:{batch}";
}
