using PenguinMails.Admin.Common;
using PenguinMails.Admin.Users;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// The bulk results store, killing the process as a batch is about to save its results
/// (<c>before-results:batch-{n}</c>): its users are written, audited and their effects run, and the batch is not done.
/// </summary>
public sealed class CrashingBulkResults(IBulkUserResultStore inner, CrashPoint crash) : IBulkUserResultStore
{
    public Task SavePlanAsync(string operationId, IReadOnlyList<IReadOnlyList<string>> batches, CancellationToken cancellationToken = default) =>
        inner.SavePlanAsync(operationId, batches, cancellationToken);

    public Task<IReadOnlyList<string>> GetPlanAsync(string operationId, int batch, CancellationToken cancellationToken = default) =>
        inner.GetPlanAsync(operationId, batch, cancellationToken);

    public Task<IReadOnlyList<BulkItemResult>?> GetBatchAsync(string operationId, int batch, CancellationToken cancellationToken = default) =>
        inner.GetBatchAsync(operationId, batch, cancellationToken);

    public Task SaveBatchAsync(string operationId, int batch, IReadOnlyList<BulkItemResult> results, CancellationToken cancellationToken = default)
    {
        crash.At(CrashPoint.BeforeResults, $"batch-{batch}", operationId);
        return inner.SaveBatchAsync(operationId, batch, results, cancellationToken);
    }

    public Task<Page<BulkItemResult>> ListAsync(string operationId, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.ListAsync(operationId, page, cancellationToken);
}
