using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Bulk operations on Azure Tables, one partition per operation: plan rows <c>p-{batch}</c> (the batch's user ids)
/// and result rows <c>r-{batch}-{part}</c> of up to 40 results each. A batch's result rows are written in one
/// transaction, so a batch has all of its results or none.
/// </summary>
public sealed class TableBulkUserResultStore(StorageClients storage, CursorCodec cursors) : IBulkUserResultStore
{
    public const string TableName = "UserBulkOperations";
    private const int ResultsPerRow = 40;
    private TableClient Table => storage.Table(TableName);

    public async Task SavePlanAsync(string operationId, IReadOnlyList<IReadOnlyList<string>> batches, CancellationToken cancellationToken = default)
    {
        var rows = batches.Select((ids, i) => new TableEntity(operationId, PlanKey(i)) { ["Ids"] = string.Join(',', ids) });
        foreach (var chunk in rows.Chunk(100))
        {
            await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> GetPlanAsync(string operationId, int batch, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(operationId, PlanKey(batch), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            throw AdminException.NotFound("Bulk batch", $"{operationId}:{batch}");
        }
        var ids = row.Value!.GetString("Ids");
        return ids.Length == 0 ? [] : ids.Split(',');
    }

    public async Task<IReadOnlyList<BulkItemResult>?> GetBatchAsync(string operationId, int batch, CancellationToken cancellationToken = default)
    {
        var (from, to) = TableKeys.PrefixRange(ResultPrefix(batch));
        var found = new List<BulkItemResult>();
        var any = false;
        await foreach (var row in Table.QueryAsync<TableEntity>(Range(operationId, from, to), cancellationToken: cancellationToken))
        {
            any = true;
            found.AddRange(Items(row));
        }
        return any ? found : null;
    }

    public async Task SaveBatchAsync(string operationId, int batch, IReadOnlyList<BulkItemResult> results, CancellationToken cancellationToken = default)
    {
        // An empty batch still gets one (empty) row: it marks the batch as done.
        var parts = results.Count == 0 ? [[]] : results.Chunk(ResultsPerRow).ToList();
        var rows = parts.Select((part, i) => new TableEntity(operationId, ResultPrefix(batch) + i.ToString("D2", CultureInfo.InvariantCulture))
        {
            ["Items"] = JsonSerializer.Serialize(part.Select(r => new StoredResult(r.UserId, r.Outcome, r.Error, r.Email))),
        });
        await Table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
    }

    public async Task<Page<BulkItemResult>> ListAsync(string operationId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var scope = "bulk-results|" + operationId;
        var (rowKey, skip) = page.Cursor is null ? ("r-", 0) : Position(cursors.Decode(scope, page.Cursor));
        var items = new List<BulkItemResult>(page.PageSize);
        var filter = $"{Range(operationId, rowKey, "r.")}";
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var rowItems = Items(row);
            for (var i = row.RowKey == rowKey ? skip : 0; i < rowItems.Count; i++)
            {
                if (items.Count == page.PageSize)
                {
                    return new Page<BulkItemResult>(items, cursors.Encode(scope, $"{row.RowKey}|{i}"));
                }
                items.Add(rowItems[i]);
            }
        }
        return new Page<BulkItemResult>(items, null);
    }

    private static (string RowKey, int Skip) Position(string token)
    {
        var bar = token.LastIndexOf('|');
        return (token[..bar], int.Parse(token[(bar + 1)..], CultureInfo.InvariantCulture));
    }

    private static List<BulkItemResult> Items(TableEntity row) =>
        JsonSerializer.Deserialize<List<StoredResult>>(row.GetString("Items"))!.Select(r => new BulkItemResult(r.U, r.O, r.E, r.M)).ToList();

    private static string Range(string partition, string from, string to) =>
        $"PartitionKey eq '{TableKeys.Escape(partition)}' and RowKey ge '{TableKeys.Escape(from)}' and RowKey lt '{TableKeys.Escape(to)}'";

    private static string PlanKey(int batch) => "p-" + batch.ToString("D5", CultureInfo.InvariantCulture);

    private static string ResultPrefix(int batch) => "r-" + batch.ToString("D5", CultureInfo.InvariantCulture) + "-";

    /// <summary>
    /// Short member names: a row's results must fit one string property (64 KiB, 32,768 characters); 40 results of a
    /// 24-character id, an email of up to 254 characters and an error stay under it. Rows written before emails were
    /// kept have no M (and hold up to 100 results).
    /// </summary>
    private sealed record StoredResult(string U, BulkOutcome O, string? E, string? M = null);
}
