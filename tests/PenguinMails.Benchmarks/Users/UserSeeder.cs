using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;

namespace PenguinMails.Benchmarks.Users;

/// <summary>
/// Writes many users quickly, with the stores' own row mappers and index writer: email claims and user rows in
/// batches of 100, then the index rows. It is set-up, not part of any measurement.
/// </summary>
public static class UserSeeder
{
    public static async Task<List<PlatformUser>> SeedAsync(StorageClients storage, string tenantId, int count, bool withIndex)
    {
        var now = DateTimeOffset.UtcNow;
        var users = Enumerable.Range(0, count).Select(i => new PlatformUser(PlatformUserIds.New(), tenantId, $"user{i}@bench.example.com", $"Bench User {i}",
            PlatformUserRoles.Member, PlatformUserStatus.Active, now, null, null)).ToList();
        await SeedAsync(storage, users, withIndex);
        return users;
    }

    /// <summary>Writes the given users (any tenants, creation times and statuses) with their email claims, and their index rows if asked.</summary>
    public static async Task SeedAsync(StorageClients storage, IReadOnlyList<PlatformUser> users, bool withIndex)
    {
        var claims = users.Select(u => new TableEntity(u.TenantId, EmailClaims.Key(u.Email)) { ["Email"] = u.Email, ["UserId"] = u.Id });
        await AddAllAsync(storage.Table(EmailClaims.TableName), claims);
        await AddAllAsync(storage.Table(PlatformUserRows.TableName), users.Select(PlatformUserRows.ToEntity));
        if (withIndex)
        {
            await new UserIndexWriter(storage).SyncAsync(users.Select(u => ((PlatformUser?)null, u)), CancellationToken.None);
        }
    }

    private static Task AddAllAsync(TableClient table, IEnumerable<TableEntity> rows) =>
        Parallel.ForEachAsync(rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            // Upserts of freshly generated rows: a transaction the SDK retries after a timeout (it had succeeded) writes the same rows again.
            async (batch, ct) => await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
}
