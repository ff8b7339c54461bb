using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Platform users on Azure Tables: the user rows (the truth), email claims (unique per tenant) and index rows
/// (derived). Order of writes: claim the new email, write the user row (the commit point), then release the old
/// email and update the index. Anything after the commit that fails is repaired, never rolled back.
/// </summary>
public sealed class TablePlatformUserStore : IPlatformUserStore
{
    private const int Parallelism = 16;
    private readonly StorageClients _storage;
    private readonly EmailClaims _claims;
    private readonly UserIndexWriter _index;
    private readonly UserSearch _search;
    private readonly UserBatchReader _reader;

    public TablePlatformUserStore(StorageClients storage, CursorCodec cursors, TablePaging paging)
    {
        _storage = storage;
        _claims = new EmailClaims(storage);
        _index = new UserIndexWriter(storage);
        _reader = new UserBatchReader(() => Users, Parallelism);
        _search = new UserSearch(storage, cursors, paging, _index, GetManyAsync);
    }

    public static IReadOnlyList<string> Tables { get; } = [PlatformUserRows.TableName, EmailClaims.TableName, UserIndexKeys.TableName];

    private TableClient Users => _storage.Table(PlatformUserRows.TableName);

    public async Task<Versioned<PlatformUser>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Users.GetEntityIfExistsAsync<TableEntity>(PlatformUserRows.PartitionOf(id), id, cancellationToken: cancellationToken);
        return row.HasValue ? UserBatchReader.Versioned(row.Value!) : null;
    }

    public Task<IReadOnlyDictionary<string, Versioned<PlatformUser>>> GetManyAsync(IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default) => _reader.ReadAsync(ids, cancellationToken);

    public async Task<Versioned<PlatformUser>> CreateAsync(PlatformUser user, CancellationToken cancellationToken = default)
    {
        if (!await _claims.ClaimAsync(user.TenantId, user.Email, user.Id, cancellationToken))
        {
            throw EmailTaken(user);
        }
        Response response;
        try
        {
            response = await Users.AddEntityAsync(PlatformUserRows.ToEntity(user), cancellationToken);
        }
        catch
        {
            await _claims.ReleaseAsync(user.TenantId, user.Email, user.Id, CancellationToken.None);
            throw;
        }
        await _index.SyncAsync([(null, user)], cancellationToken);
        return new Versioned<PlatformUser>(user, response.Headers.ETag.ToString()!);
    }

    public async Task<Versioned<PlatformUser>> UpdateAsync(PlatformUser before, PlatformUser after, string etag, CancellationToken cancellationToken = default)
    {
        var results = await UpdateManyAsync([new UserChange(before, after, etag)], cancellationToken);
        if (!results[0].Committed)
        {
            var error = results[0].Error!;
            throw error.StartsWith("conflict", StringComparison.Ordinal) ? EmailTaken(after)
                : error.StartsWith("precondition_failed", StringComparison.Ordinal) ? AdminException.PreconditionFailed()
                : AdminException.Unavailable("storage_unavailable", "The user could not be saved; it is unchanged. Retry shortly.");
        }
        return (await GetAsync(after.Id, cancellationToken))!;
    }

    public async Task<IReadOnlyList<UserWriteResult>> UpdateManyAsync(IReadOnlyList<UserChange> changes, CancellationToken cancellationToken = default)
    {
        var results = new UserWriteResult?[changes.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        var movers = Enumerable.Range(0, changes.Count).Where(i => MovesEmail(changes[i])).ToList();
        await Parallel.ForEachAsync(movers, options, async (i, ct) =>
        {
            var after = changes[i].After;
            if (!await _claims.ClaimAsync(after.TenantId, after.Email, after.Id, ct))
            {
                results[i] = new UserWriteResult(after.Id, false, $"conflict: '{after.Email}' is already a user of tenant '{after.TenantId}'.");
            }
        });
        var batches = Enumerable.Range(0, changes.Count).Where(i => results[i] is null)
            .GroupBy(i => PlatformUserRows.PartitionOf(changes[i].After.Id)).SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            foreach (var (i, result) in await WriteBatchAsync(batch, changes, ct))
            {
                results[i] = result;
            }
        });
        await Parallel.ForEachAsync(movers, options, async (i, ct) =>
        {
            var (before, after) = (changes[i].Before, changes[i].After);
            var committed = results[i]!.Committed;
            var (tenant, email) = committed ? (before.TenantId, before.Email) : (after.TenantId, after.Email);
            await _claims.ReleaseAsync(tenant, email, after.Id, ct);
        });
        await _index.SyncAsync(Enumerable.Range(0, changes.Count).Where(i => results[i]!.Committed).Select(i => ((PlatformUser?)changes[i].Before, changes[i].After)),
            cancellationToken);
        return results!;
    }

    public async Task<IReadOnlyList<UserWriteResult>> CreateManyAsync(IReadOnlyList<PlatformUser> users, CancellationToken cancellationToken = default)
    {
        var results = new UserWriteResult?[users.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, users.Count, options, async (i, ct) =>
        {
            if (!await _claims.ClaimAsync(users[i].TenantId, users[i].Email, users[i].Id, ct))
            {
                results[i] = new UserWriteResult(users[i].Id, false, $"conflict: '{users[i].Email}' is already a user of tenant '{users[i].TenantId}'.");
            }
        });
        var batches = Enumerable.Range(0, users.Count).Where(i => results[i] is null).GroupBy(i => PlatformUserRows.PartitionOf(users[i].Id))
            .SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            foreach (var (i, result) in await AddBatchAsync(batch, users, ct))
            {
                results[i] = result;
            }
        });
        // A claim whose user row could not be written is released, so the address stays free.
        await Parallel.ForAsync(0, users.Count, options, async (i, ct) =>
        {
            if (!results[i]!.Committed && !results[i]!.Error!.StartsWith("conflict", StringComparison.Ordinal))
            {
                await _claims.ReleaseAsync(users[i].TenantId, users[i].Email, users[i].Id, ct);
            }
        });
        await _index.SyncAsync(Enumerable.Range(0, users.Count).Where(i => results[i]!.Committed).Select(i => ((PlatformUser?)null, users[i])), cancellationToken);
        return results!;
    }

    public Task<string?> FindIdByEmailAsync(string tenantId, string email, CancellationToken cancellationToken = default) =>
        _claims.HolderAsync(tenantId, email, cancellationToken);

    public Task<bool> IsEmailTakenAsync(string tenantId, string email, string exceptUserId, CancellationToken cancellationToken = default) =>
        _claims.IsTakenAsync(tenantId, email, exceptUserId, cancellationToken);

    public Task<Admin.Common.Page<PlatformUser>> SearchAsync(UserFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        _search.SearchAsync(filter, page, cancellationToken);

    public IAsyncEnumerable<PlatformUser> StreamAsync(UserFilter filter, CancellationToken cancellationToken = default) =>
        _search.StreamAsync(filter, cancellationToken);

    /// <summary>Rewrites the index rows of one user from its user row (the repair queue's work); false when the user does not exist.</summary>
    public async Task<bool> RebuildIndexAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!PlatformUserIds.IsValid(userId) || await GetAsync(userId, cancellationToken) is not { } user)
        {
            return false;
        }
        await _index.RebuildAsync(user.Value, cancellationToken);
        return true;
    }

    private async Task<List<(int Index, UserWriteResult Result)>> WriteBatchAsync(int[] batch, IReadOnlyList<UserChange> changes, CancellationToken ct)
    {
        try
        {
            await Users.SubmitTransactionAsync(batch.Select(i => new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                PlatformUserRows.ToEntity(changes[i].After), new ETag(changes[i].ETag))), ct);
            return batch.Select(i => (i, new UserWriteResult(changes[i].After.Id, true, null))).ToList();
        }
        catch (RequestFailedException) when (batch.Length > 1)
        {
            // The whole transaction rolled back; write user by user so one bad row only fails itself.
            var written = new List<(int, UserWriteResult)>();
            foreach (var i in batch)
            {
                written.AddRange(await WriteBatchAsync([i], changes, ct));
            }
            return written;
        }
        catch (RequestFailedException e)
        {
            var error = e.Status is 412 or 404
                ? "precondition_failed: the user changed or was deleted since it was read; retry."
                : $"storage_error: the write failed with status {e.Status}; the user is unchanged.";
            return [(batch[0], new UserWriteResult(changes[batch[0]].After.Id, false, error))];
        }
    }

    private async Task<List<(int Index, UserWriteResult Result)>> AddBatchAsync(int[] batch, IReadOnlyList<PlatformUser> users, CancellationToken ct)
    {
        try
        {
            await Users.SubmitTransactionAsync(batch.Select(i => new TableTransactionAction(TableTransactionActionType.Add, PlatformUserRows.ToEntity(users[i]))), ct);
            return batch.Select(i => (i, new UserWriteResult(users[i].Id, true, null))).ToList();
        }
        catch (RequestFailedException) when (batch.Length > 1)
        {
            var written = new List<(int, UserWriteResult)>();
            foreach (var i in batch)
            {
                written.AddRange(await AddBatchAsync([i], users, ct));
            }
            return written;
        }
        catch (RequestFailedException e)
        {
            return [(batch[0], new UserWriteResult(users[batch[0]].Id, false, $"storage_error: the write failed with status {e.Status}; the user was not created."))];
        }
    }

    private static bool MovesEmail(UserChange c) => c.Before.TenantId != c.After.TenantId || c.Before.Email != c.After.Email;

    private static AdminException EmailTaken(PlatformUser user) =>
        AdminException.Conflict($"'{user.Email}' is already a user of tenant '{user.TenantId}'.");
}
