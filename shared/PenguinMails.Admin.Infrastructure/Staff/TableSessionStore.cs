using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Infrastructure.Staff;

/// <summary>Sessions partitioned by staff member, so the per-request lookup is one point read and revoke-all one partition.</summary>
public sealed class TableSessionStore(StorageClients storage) : ISessionStore
{
    public const string TableName = "StaffSessions";
    private TableClient Table => storage.Table(TableName);

    public Task CreateAsync(StaffSession session, CancellationToken cancellationToken = default) =>
        Table.AddEntityAsync(ToEntity(session), cancellationToken);

    public async Task<StaffSession?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.GetString("TokenHash") == tokenHash, 1, cancellationToken: cancellationToken))
        {
            return ToSession(row);
        }
        return null;
    }

    public async Task<StaffSession?> GetAsync(string staffId, string sessionId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(staffId, sessionId, cancellationToken: cancellationToken);
        return row.HasValue ? ToSession(row.Value!) : null;
    }

    public Task TouchAsync(StaffSession session, DateTimeOffset seenAt, CancellationToken cancellationToken = default) =>
        // Merge touches only LastSeenAt, so it can never undo a concurrent revocation.
        Table.UpdateEntityAsync(new TableEntity(session.StaffId, session.Id) { ["LastSeenAt"] = seenAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<IReadOnlyList<StaffSession>> ListAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var sessions = new List<StaffSession>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == staffId, cancellationToken: cancellationToken))
        {
            var session = ToSession(row);
            if (session.RevokedAt is null)
            {
                sessions.Add(session);
            }
        }
        return sessions;
    }

    public async Task<bool> RevokeAsync(string staffId, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        var session = await GetAsync(staffId, sessionId, cancellationToken);
        if (session is null || session.RevokedAt is not null)
        {
            return false;
        }
        await Table.UpdateEntityAsync(new TableEntity(staffId, sessionId) { ["RevokedAt"] = revokedAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public async Task<int> RevokeAllAsync(string staffId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        var live = (await ListAsync(staffId, cancellationToken)).Where(s => SessionPolicy.IsLive(s, revokedAt)).ToList();
        var open = await ListAsync(staffId, cancellationToken);
        foreach (var chunk in open.Chunk(100))
        {
            var actions = chunk.Select(s => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(staffId, s.Id) { ["RevokedAt"] = revokedAt }, ETag.All));
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        return live.Count;
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            var session = ToSession(row);
            var deadAt = session.RevokedAt ?? Min(session.AbsoluteExpiresAt, session.LastSeenAt + SessionPolicy.IdleTimeout);
            if (deadAt < cutoff)
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
        }
        return deleted;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TableEntity ToEntity(StaffSession s) => new(s.StaffId, s.Id)
    {
        ["TokenHash"] = s.TokenHash,
        ["SecurityStamp"] = s.SecurityStamp,
        ["CreatedAt"] = s.CreatedAt,
        ["LastSeenAt"] = s.LastSeenAt,
        ["AbsoluteExpiresAt"] = s.AbsoluteExpiresAt,
        ["IpAddress"] = s.IpAddress,
        ["UserAgent"] = s.UserAgent,
        ["RevokedAt"] = s.RevokedAt,
        ["Roles"] = string.Join(',', s.Roles),
    };

    private static StaffSession ToSession(TableEntity e) => new(
        e.RowKey, e.PartitionKey, e.GetString("TokenHash"), e.GetString("SecurityStamp"),
        e.GetDateTimeOffset("CreatedAt")!.Value, e.GetDateTimeOffset("LastSeenAt")!.Value, e.GetDateTimeOffset("AbsoluteExpiresAt")!.Value,
        e.GetString("IpAddress"), e.GetString("UserAgent"), e.GetDateTimeOffset("RevokedAt"),
        (e.GetString("Roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
