using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using Page = PenguinMails.Admin.Common.Page<PenguinMails.Admin.Billing.StoredStripeEvent>;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// The processed-events table: one row per Stripe event id (insert-if-absent makes redeliveries no-ops). The raw
/// payload is kept gzip-compressed, split over binary properties to stay within Table storage's 64 KiB per property.
/// </summary>
public sealed class TableStripeEventStore(StorageClients storage, TablePaging paging) : IStripeEventStore
{
    public const string TableName = "StripeEvents";
    private const string RowKey = "event";
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 14;
    private TableClient Table => storage.Table(TableName);

    public async Task<(StoredStripeEvent Stored, bool Added)> AddIfAbsentAsync(StoredStripeEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(stripeEvent), cancellationToken);
            return (stripeEvent, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await GetAsync(stripeEvent.Event.Id, cancellationToken) ?? stripeEvent, false);
        }
    }

    public async Task<StoredStripeEvent?> GetAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(eventId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? ToEvent(row.Value!) : null;
    }

    public async Task<Page> ListAsync(StripeEventStatus status, PageRequest page, CancellationToken cancellationToken = default)
    {
        var rows = await paging.QueryAsync<TableEntity>(Table, TableClient.CreateQueryFilter($"Status eq {status.ToString()}"), page,
            "stripe-events-" + status, cancellationToken);
        return rows.Map(ToEvent);
    }

    public Task MarkAsync(string eventId, StripeEventStatus status, string? detail, CancellationToken cancellationToken = default) =>
        Table.UpdateEntityAsync(new TableEntity(eventId, RowKey) { ["Status"] = status.ToString(), ["Detail"] = Truncate(detail) }, ETag.All,
            TableUpdateMode.Merge, cancellationToken);

    private static TableEntity ToEntity(StoredStripeEvent stored)
    {
        var e = stored.Event;
        var entity = new TableEntity(e.Id, RowKey)
        {
            ["Type"] = e.Type,
            ["Created"] = e.Created,
            ["ApiVersion"] = e.ApiVersion,
            ["Livemode"] = e.Livemode,
            ["ObjectId"] = e.ObjectId,
            ["ObjectType"] = e.ObjectType,
            ["CustomerId"] = e.CustomerId,
            ["Status"] = stored.Status.ToString(),
            ["Detail"] = Truncate(stored.Detail),
            ["ReceivedAt"] = stored.ReceivedAt,
        };
        var compressed = Compress(stored.Payload);
        var chunks = compressed.Chunk(ChunkBytes).ToList();
        if (chunks.Count > MaxChunks)
        {
            throw new InvalidOperationException($"Stripe event {e.Id} is too large to store ({compressed.Length} bytes compressed).");
        }
        entity["PayloadChunks"] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity["Payload" + i] = chunks[i];
        }
        return entity;
    }

    private static StoredStripeEvent ToEvent(TableEntity row)
    {
        var chunks = row.GetInt32("PayloadChunks") ?? 0;
        var payload = Decompress(Enumerable.Range(0, chunks).SelectMany(i => row.GetBinary("Payload" + i)).ToArray());
        var stripeEvent = new StripeWebhookEvent(row.PartitionKey, row.GetString("Type"), row.GetDateTimeOffset("Created")!.Value,
            row.GetString("ApiVersion"), row.GetBoolean("Livemode") ?? false, row.GetString("ObjectId"), row.GetString("ObjectType"),
            row.GetString("CustomerId"));
        return new StoredStripeEvent(stripeEvent, payload, Enum.Parse<StripeEventStatus>(row.GetString("Status")), row.GetString("Detail"),
            row.GetDateTimeOffset("ReceivedAt")!.Value);
    }

    private static string? Truncate(string? text) => text is { Length: > 4000 } ? text[..4000] : text;

    private static byte[] Compress(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return buffer.ToArray();
    }

    private static string Decompress(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
