using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.DataProtection;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>
/// Audit retention: each closed lane segment, and each legacy day chain, older than the retention is first archived
/// to Blob as JSONL (whole, in sequence order, so its hash chain stays verifiable), read back and checked, and only
/// then deleted with its index rows. Archives are never overwritten: a run interrupted after archiving finds the
/// archive, checks that it holds every remaining event, and finishes the deletion. A lane segment's seal stays,
/// naming its archive, so verification still links the chain across it and re-checks the archive.
/// </summary>
public sealed class AuditRetention(StorageClients storage) : IRetentionTarget
{
    public const string ContainerName = "audit-archive";
    private const string HeadRowKey = "head";
    private TableClient Chain => storage.Table(TableAuditLog.ChainTable);
    private TableClient Index => storage.Table(TableAuditLog.IndexTable);

    public string Name => DataClasses.Audit;

    /// <summary>The blob of one day's archive: <c>yyyy/MM/yyyy-MM-dd.jsonl</c>.</summary>
    public static string BlobName(string partition) => $"{partition[..4]}/{partition[5..7]}/{partition}.jsonl";

    public async Task<RetentionResult> EnforceAsync(RetentionDays retention, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var firstKept = now.AddDays(-retention.Audit).UtcDateTime.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var partitions = new List<string>();
        await foreach (var head in Chain.QueryAsync<TableEntity>($"RowKey eq '{HeadRowKey}' and PartitionKey lt '{firstKept}'", select: ["PartitionKey"],
                           cancellationToken: cancellationToken))
        {
            partitions.Add(head.PartitionKey);
        }
        var events = 0;
        foreach (var partition in partitions)
        {
            events += await ArchiveAndDeleteAsync(partition, cancellationToken);
        }
        var (segments, laneEvents) = await new AuditLaneRetention(storage, this).EnforceAsync(AuditLanes.Hour(now.AddDays(-retention.Audit).UtcDateTime.Date),
            cancellationToken);
        events += laneEvents;
        return new RetentionResult(Name, events, events, $"{partitions.Count} legacy day(s) and {segments} segment(s) archived to {ContainerName}");
    }

    /// <summary>The blob of one lane segment's archive: <c>lanes/yyyy/MM/dd/&lt;segment&gt;.jsonl</c>.</summary>
    public static string SegmentBlobName(string segment) => $"lanes/{segment[..4]}/{segment[5..7]}/{segment[8..10]}/{segment}.jsonl";

    internal async Task DeleteIndexRowsAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            await Task.WhenAll(AuditEntityMapper.IndexKeys(e).Select(k => Index.DeleteEntityAsync(k.PartitionKey, k.RowKey, Azure.ETag.All, cancellationToken)));
        }
    }

    private async Task<int> ArchiveAndDeleteAsync(string partition, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Chain.QueryAsync<TableEntity>($"PartitionKey eq '{partition}'", cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        // Chain rows sort newest first; the archive is written oldest first, the order the chain is verified in.
        var events = rows.Where(r => r.RowKey != HeadRowKey).Select(AuditEntityMapper.ToEvent).Reverse().ToList();
        await EnsureArchivedAsync(BlobName(partition), partition, events, cancellationToken);
        await DeleteIndexRowsAsync(events, cancellationToken);
        // The head goes last, so an interrupted run still finds this day next time.
        foreach (var chunk in rows.OrderBy(r => r.RowKey == HeadRowKey).Chunk(100))
        {
            await Chain.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)),
                cancellationToken);
        }
        return events.Count;
    }

    internal async Task EnsureArchivedAsync(string blobName, string partition, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var blob = storage.Container(ContainerName).GetBlobClient(blobName);
        if (!await blob.ExistsAsync(cancellationToken))
        {
            var body = new StringBuilder();
            foreach (var e in events)
            {
                body.Append(AuditArchiveLine.From(e).Serialize()).Append('\n');
            }
            var metadata = new Dictionary<string, string>
            {
                ["events"] = events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["chainvalid"] = (AuditChain.FindFirstBroken(events, events.FirstOrDefault()?.Sequence ?? 1,
                    events.FirstOrDefault()?.PreviousHash ?? AuditChain.Genesis) is null).ToString(),
                ["lasthash"] = events.LastOrDefault()?.Hash ?? AuditChain.Genesis,
            };
            await blob.UploadAsync(BinaryData.FromString(body.ToString()),
                new BlobUploadOptions { Metadata = metadata, Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All } }, cancellationToken);
        }
        // Read back what is stored, and delete nothing unless every remaining event is in it, unchanged.
        var archived = (await AuditArchiveLine.ReadAllAsync((await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content,
            cancellationToken)).ToDictionary(e => e.Id, e => e.Hash);
        var missing = events.FirstOrDefault(e => !archived.TryGetValue(e.Id, out var hash) || hash != e.Hash);
        if (missing is not null)
        {
            throw new InvalidOperationException($"The audit archive of {partition} does not hold event {missing.Id}; nothing of that day was deleted.");
        }
    }
}
