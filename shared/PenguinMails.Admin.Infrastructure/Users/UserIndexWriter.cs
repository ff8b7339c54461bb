using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Keeps index rows in step with committed user rows. Rows that change are batched per index partition (up to 100
/// per transaction). If a write still fails, the user's id goes to <see cref="UserIndexQueue"/> to be rebuilt;
/// meanwhile searches verify every hit against the user row, so the only effect is a user missing from a search.
/// </summary>
internal sealed class UserIndexWriter(StorageClients storage)
{
    private TableClient Index => storage.Table(UserIndexKeys.TableName);

    public async Task SyncAsync(IEnumerable<(PlatformUser? Before, PlatformUser After)> changes, CancellationToken cancellationToken)
    {
        var actions = new List<(TableTransactionAction Action, string UserId)>();
        foreach (var (before, after) in changes)
        {
            var wanted = UserIndexKeys.Of(after);
            var had = before is null ? [] : UserIndexKeys.Of(before);
            foreach (var key in wanted.Where(k => !had.Any(h => Same(h, k))))
            {
                actions.Add((new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(key, after.Id)), after.Id));
            }
            foreach (var key in had.Where(k => !wanted.Any(w => Same(w, k))))
            {
                actions.Add((new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key.PartitionKey, key.RowKey), ETag.All), after.Id));
            }
        }
        await SubmitAsync(actions, cancellationToken);
    }

    /// <summary>Writes every index row the user should have (the queue's repair; obsolete rows are dropped by searches).</summary>
    public Task RebuildAsync(PlatformUser user, CancellationToken cancellationToken) =>
        SubmitAsync(UserIndexKeys.Of(user).Select(k => (new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(k, user.Id)), user.Id)).ToList(),
            cancellationToken);

    /// <summary>Deletes an index row a search found stale, unless it changed since it was read.</summary>
    public async Task DeleteStaleAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Index.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or rewritten by a change that made it valid again.
        }
    }

    private async Task SubmitAsync(List<(TableTransactionAction Action, string UserId)> actions, CancellationToken cancellationToken)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var batches = actions.GroupBy(a => a.Action.Entity.PartitionKey).SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                await Index.SubmitTransactionAsync(batch.Select(a => a.Action), ct);
            }
            catch (Exception e) when (TableErrors.IsWriteFailure(e, ct))
            {
                // Typically a delete of a row that is already gone (or a timeout); apply the batch one row at a time instead.
                foreach (var (action, userId) in batch)
                {
                    if (!await TryApplyAsync(action, ct))
                    {
                        lock (failed)
                        {
                            failed.Add(userId);
                        }
                    }
                }
            }
        });
        foreach (var userId in failed)
        {
            await storage.Queue(UserIndexQueue.Name).SendMessageAsync(userId, CancellationToken.None);
        }
    }

    private async Task<bool> TryApplyAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        try
        {
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                await Index.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
            }
            else
            {
                await Index.UpsertEntityAsync(action.Entity, TableUpdateMode.Replace, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException e)
        {
            return e.Status == 404 && action.ActionType == TableTransactionActionType.Delete;
        }
        catch (Exception e) when (TableErrors.IsWriteFailure(e, cancellationToken))
        {
            return false; // timed out: the user goes to the repair queue
        }
    }

    private static TableEntity Row(UserIndexKey key, string userId) => new(key.PartitionKey, key.RowKey) { ["UserId"] = userId, ["Field"] = key.Field };

    private static bool Same(UserIndexKey a, UserIndexKey b) => a.PartitionKey == b.PartitionKey && a.RowKey == b.RowKey;
}
