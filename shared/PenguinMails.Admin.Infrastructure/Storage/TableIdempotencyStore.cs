using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>
/// Idempotency keys in the IdempotencyKeys table: partition = hash of the scope, row = hash of the key, so any key
/// text is safe as a table key. The reservation is an insert, which exactly one of several concurrent duplicates wins.
/// A body is stored in 60 KB binary columns (the table's per-property limit), up to 900 KB.
/// </summary>
public sealed class TableIdempotencyStore(StorageClients clients) : IIdempotencyStore
{
    public const string TableName = "IdempotencyKeys";
    public static readonly TimeSpan Lifetime = PenguinMails.Admin.DataProtection.IdempotencyKeyRetention.Lifetime;
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 15;

    private TableClient Table => clients.Table(TableName);

    public async Task<IdempotencyRecord?> TryReserveAsync(string scope, string key, string fingerprint, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Hash(scope), Hash(key)) { ["Fingerprint"] = fingerprint, ["ReservedAt"] = now };
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue || existing.Value is not { } row)
            {
                return await TryReserveAsync(scope, key, fingerprint, now, cancellationToken);
            }
            if (now - row.GetDateTimeOffset("ReservedAt").GetValueOrDefault() >= Lifetime)
            {
                // Expired: the key may be used afresh. Replacing with the row's ETag keeps this a single winner too.
                return await ReplaceExpiredAsync(entity, row.ETag, scope, key, fingerprint, now, cancellationToken);
            }
            return ToRecord(row);
        }
    }

    public async Task CompleteAsync(string scope, string key, IdempotentResponse response, CancellationToken cancellationToken = default)
    {
        var existing = await Table.GetEntityAsync<TableEntity>(Hash(scope), Hash(key), cancellationToken: cancellationToken);
        var row = existing.Value;
        row["Status"] = response.Status;
        row["Headers"] = JsonSerializer.Serialize(response.Headers);
        var body = response.Body.Length <= ChunkBytes * MaxChunks ? response.Body : [];
        row["BodyChunks"] = (body.Length + ChunkBytes - 1) / ChunkBytes;
        row["BodyStored"] = body.Length == response.Body.Length;
        for (var i = 0; i * ChunkBytes < body.Length; i++)
        {
            row["Body" + i] = body.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, body.Length - i * ChunkBytes)).ToArray();
        }
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(Hash(scope), Hash(key), ETag.All, cancellationToken);

    /// <summary>
    /// A scan filtered by the table service on <c>ReservedAt</c> (only keys come back), then deletes of up to 100 per
    /// partition, each conditional on the row's ETag: a key reserved afresh since the scan keeps its new reservation.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset reservedBefore, CancellationToken cancellationToken = default)
    {
        var expired = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>($"ReservedAt lt datetime'{reservedBefore.UtcDateTime:O}'", select: ["PartitionKey", "RowKey"],
            cancellationToken: cancellationToken))
        {
            expired.Add(row);
        }
        var deleted = 0;
        foreach (var batch in expired.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)))
        {
            deleted += await DeleteBatchAsync(batch, cancellationToken);
        }
        return deleted;
    }

    private async Task<int> DeleteBatchAsync(TableEntity[] batch, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)), cancellationToken);
            return batch.Length;
        }
        catch (TableTransactionFailedException)
        {
            // One row was reserved again (or released) since the scan: the rest go one by one.
            var deleted = 0;
            foreach (var row in batch)
            {
                try
                {
                    deleted += (await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken)).Status == 404 ? 0 : 1;
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    // Reserved afresh: it is not expired any more.
                }
            }
            return deleted;
        }
    }

    private async Task<IdempotencyRecord?> ReplaceExpiredAsync(TableEntity entity, ETag etag, string scope, string key, string fingerprint,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return await TryReserveAsync(scope, key, fingerprint, now, cancellationToken);
        }
    }

    private static IdempotencyRecord ToRecord(TableEntity row)
    {
        IdempotentResponse? response = null;
        if (row.GetInt32("Status") is { } status)
        {
            var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Headers") ?? "{}") ?? [];
            var chunks = row.GetInt32("BodyChunks") ?? 0;
            var body = Enumerable.Range(0, chunks).SelectMany(i => row.GetBinary("Body" + i) ?? []).ToArray();
            response = new IdempotentResponse(status, headers, row.GetBoolean("BodyStored") == false ? [] : body);
        }
        return new IdempotencyRecord(row.GetString("Fingerprint") ?? "", row.GetDateTimeOffset("ReservedAt").GetValueOrDefault(), response);
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
