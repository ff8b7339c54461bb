using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Infrastructure.Staff;

/// <summary>
/// Sessions partitioned by staff member, so the per-request lookup is one point read and revoke-all one partition.
/// The partition's "~access" row (session ids are hex, so it sorts after them) is the version that session creation
/// and revoke-all check and move in their entity-group transactions; see <see cref="ISessionStore"/>.
/// </summary>
public sealed class TableSessionStore(StorageClients storage) : ISessionStore
{
    public const string TableName = "StaffSessions";
    private const string AccessRowKey = "~access";
    private const string SessionRows = "RowKey lt '~'";
    private TableClient Table => storage.Table(TableName);

    public async Task<string?> GetAccessVersionAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(staffId, AccessRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ETag.ToString() : null;
    }

    public async Task<bool> CreateAsync(StaffSession session, string? accessVersion, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, ToEntity(session)),
                MoveAccess(session.StaffId, accessVersion)], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            // The access row moved (or appeared) since the caller read it.
            return false;
        }
    }

    public async Task<StaffSession?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.GetString("TokenHash") == tokenHash, 1, cancellationToken: cancellationToken))
        {
            return ToSession(row);
        }
        return null;
    }

    public async Task<Versioned<StaffSession>?> GetAsync(string staffId, string sessionId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(staffId, sessionId, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<StaffSession>(ToSession(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> TouchAsync(string staffId, string sessionId, string etag, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        try
        {
            // Merge writes only LastSeenAt, and only over the version read, so a touch never undoes a revocation.
            await Table.UpdateEntityAsync(new TableEntity(staffId, sessionId) { ["LastSeenAt"] = seenAt }, new ETag(etag), TableUpdateMode.Merge,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<StaffSession>> ListAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var sessions = new List<StaffSession>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {staffId} and RowKey lt {"~"}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
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
        if (session is null || session.Value.RevokedAt is not null)
        {
            return false;
        }
        await Table.UpdateEntityAsync(new TableEntity(staffId, sessionId) { ["RevokedAt"] = revokedAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>
    /// Revokes every open session, moving the access row in the first transaction: a sign-in since the list (it moved
    /// the access row) or a session the sweeper deleted makes the transaction fail, and the list is read again.
    /// </summary>
    public Task<int> RevokeAllAsync(string staffId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        OptimisticConcurrency.RetryAsync(async ct =>
        {
            var version = await GetAccessVersionAsync(staffId, ct);
            var open = await ListAsync(staffId, ct);
            foreach (var (chunk, index) in open.Chunk(99).DefaultIfEmpty([]).Select((c, i) => (c, i)))
            {
                var revokes = chunk.Select(s => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                    new TableEntity(staffId, s.Id) { ["RevokedAt"] = revokedAt }, ETag.All));
                await Table.SubmitTransactionAsync(index == 0 ? revokes.Prepend(MoveAccess(staffId, version)) : revokes, ct);
            }
            return open.Count(s => SessionPolicy.IsLive(s, revokedAt));
        }, e => e is TableTransactionFailedException { Status: 404 or 409 or 412 },
            "The staff member's sessions kept changing while being revoked; try again.", cancellationToken);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(SessionRows, cancellationToken: cancellationToken))
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

    private static TableTransactionAction MoveAccess(string staffId, string? version)
    {
        var row = new TableEntity(staffId, AccessRowKey) { ["Version"] = Guid.NewGuid().ToString("N") };
        return version is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(version));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TableEntity ToEntity(StaffSession s) => new(s.StaffId, s.Id)
    {
        ["Email"] = s.Email,
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

    // Rows written before sessions carried the email have none: "" makes the session service refuse them.
    private static StaffSession ToSession(TableEntity e) => new(
        e.RowKey, e.PartitionKey, e.GetString("Email") ?? "", e.GetString("TokenHash"), e.GetString("SecurityStamp"),
        e.GetDateTimeOffset("CreatedAt")!.Value, e.GetDateTimeOffset("LastSeenAt")!.Value, e.GetDateTimeOffset("AbsoluteExpiresAt")!.Value,
        e.GetString("IpAddress"), e.GetString("UserAgent"), e.GetDateTimeOffset("RevokedAt"),
        (e.GetString("Roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
