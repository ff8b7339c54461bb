using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Users.Workflow;

/// <summary>The per-user results of a <c>users-bulk</c> run, paged in the order of its batches; 404 for an id that names no run.</summary>
public sealed class BulkUserResultReader(IBulkUserResultStore results)
{
    public async Task<Page<BulkItemResult>> ListAsync(string operationId, PageRequest page, CancellationToken cancellationToken = default)
    {
        // Operation ids are workflow instance ids (letters, digits and dashes); anything else names no run.
        if (operationId.Length is 0 or > 100 || !operationId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw AdminException.NotFound("Bulk operation", operationId);
        }
        await results.GetPlanAsync(operationId, 0, cancellationToken); // 404 when the run has no plan
        return await results.ListAsync(operationId, page, cancellationToken);
    }
}
