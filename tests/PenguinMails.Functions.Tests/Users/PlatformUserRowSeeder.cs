using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;

namespace PenguinMails.Functions.Tests.Users;

/// <summary>
/// Writes platform user rows straight to the table with the store's own row mapper, 100 per transaction per
/// partition, and their index rows if asked: set-up for tests of many users, not part of what they test.
/// </summary>
public static class PlatformUserRowSeeder
{
    public static async Task WriteAsync(StorageClients storage, IReadOnlyList<PlatformUser> users, bool withIndex)
    {
        var table = storage.Table(PlatformUserRows.TableName);
        await table.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(users.Select(PlatformUserRows.ToEntity).GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100)),
            async (chunk, ct) => await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
        if (withIndex)
        {
            await new UserIndexWriter(storage).SyncAsync(users.Select(u => ((PlatformUser?)null, u)), CancellationToken.None);
        }
    }
}
