using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>Platform user sessions partitioned by user, so revoking them all is one partition query and batched merges.</summary>
public sealed class TablePlatformUserSessionStore(StorageClients storage) : IPlatformUserSessionStore
{
    public const string TableName = "PlatformUserSessions";
    private TableClient Table => storage.Table(TableName);

    public Task CreateAsync(PlatformUserSession session, CancellationToken cancellationToken = default) =>
        Table.AddEntityAsync(new TableEntity(session.UserId, session.Id)
        {
            ["CreatedAt"] = session.CreatedAt,
            ["LastSeenAt"] = session.LastSeenAt,
            ["ExpiresAt"] = session.ExpiresAt,
            ["IpAddress"] = session.IpAddress,
            ["UserAgent"] = session.UserAgent,
            ["RevokedAt"] = session.RevokedAt,
        }, cancellationToken);

    public async Task<IReadOnlyList<PlatformUserSession>> ListLiveAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var live = new List<PlatformUserSession>();
        await foreach (var row in Table.QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.Escape(userId)}'", cancellationToken: cancellationToken))
        {
            var session = new PlatformUserSession(row.RowKey, row.PartitionKey, row.GetDateTimeOffset("CreatedAt")!.Value, row.GetDateTimeOffset("LastSeenAt")!.Value,
                row.GetDateTimeOffset("ExpiresAt")!.Value, row.GetString("IpAddress"), row.GetString("UserAgent"), row.GetDateTimeOffset("RevokedAt"));
            if (session.RevokedAt is null && session.ExpiresAt > now)
            {
                live.Add(session);
            }
        }
        return live;
    }

    public async Task<int> RevokeAllAsync(string userId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        var live = await ListLiveAsync(userId, revokedAt, cancellationToken);
        foreach (var chunk in live.Chunk(100))
        {
            // Merge only RevokedAt, so a concurrent LastSeenAt touch by the mail platform cannot undo it.
            await Table.SubmitTransactionAsync(chunk.Select(s => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(userId, s.Id) { ["RevokedAt"] = revokedAt }, ETag.All)), cancellationToken);
        }
        return live.Count;
    }
}
