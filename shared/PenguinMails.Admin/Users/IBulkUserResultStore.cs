using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Users;

/// <summary>
/// The plan and the per-user results of a long-running bulk operation, one partition per operation. A batch's
/// results are saved in one write, after its users, so "the batch has results" means "the batch is done".
/// </summary>
public interface IBulkUserResultStore
{
    /// <summary>Stores the user ids of every batch before the operation starts (a retried save rewrites the same rows).</summary>
    Task SavePlanAsync(string operationId, IReadOnlyList<IReadOnlyList<string>> batches, CancellationToken cancellationToken = default);

    /// <summary>The user ids of one batch; 404 when the operation or the batch does not exist.</summary>
    Task<IReadOnlyList<string>> GetPlanAsync(string operationId, int batch, CancellationToken cancellationToken = default);

    /// <summary>The results of a finished batch, or null when the batch has not finished.</summary>
    Task<IReadOnlyList<BulkItemResult>?> GetBatchAsync(string operationId, int batch, CancellationToken cancellationToken = default);

    /// <summary>Saves the results of a batch in one transaction; saving them again replaces them.</summary>
    Task SaveBatchAsync(string operationId, int batch, IReadOnlyList<BulkItemResult> results, CancellationToken cancellationToken = default);

    /// <summary>The results of the finished batches, in batch order, page by page.</summary>
    Task<Page<BulkItemResult>> ListAsync(string operationId, PageRequest page, CancellationToken cancellationToken = default);
}
