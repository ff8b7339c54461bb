using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>
/// Retention of lane segments: every sealed segment older than the cut-off is archived (one blob per segment),
/// its index rows and events deleted, and its seal marked archived with the blob's name, last of all, so an
/// interrupted run finds the segment again. Open segments (a lane's head) are never archived.
/// </summary>
internal sealed class AuditLaneRetention(StorageClients storage, AuditRetention retention)
{
    private TableClient Chain => storage.Table(TableAuditLog.ChainTable);

    public async Task<(int Segments, int Events)> EnforceAsync(string firstKeptHour, CancellationToken cancellationToken)
    {
        var (segments, events) = (0, 0);
        foreach (var lane in await AuditChainReader.LanesAsync(Chain, cancellationToken))
        {
            var filter = $"PartitionKey eq '{lane}' and RowKey ge '{AuditLanes.SealPrefix}' and RowKey lt '{AuditLanes.SealRowKey(firstKeptHour)}' and Archived eq false";
            var seals = new List<TableEntity>();
            await foreach (var row in Chain.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                seals.Add(row);
            }
            foreach (var row in seals)
            {
                var seal = AuditSealRow.From(row);
                var rows = new List<TableEntity>();
                await foreach (var e in Chain.QueryAsync<TableEntity>($"PartitionKey eq '{lane}' and {AuditLanes.EventRange(seal.Hour, seal.Hour)}",
                                   cancellationToken: cancellationToken))
                {
                    rows.Add(e);
                }
                var segmentEvents = rows.Select(AuditEntityMapper.ToEvent).ToList();
                var blobName = AuditRetention.SegmentBlobName(seal.Segment);
                await retention.EnsureArchivedAsync(blobName, seal.Segment, segmentEvents, cancellationToken);
                await retention.DeleteIndexRowsAsync(segmentEvents, cancellationToken);
                foreach (var chunk in rows.Chunk(100))
                {
                    await Chain.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)),
                        cancellationToken);
                }
                row["Archived"] = true;
                row["Archive"] = blobName;
                await Chain.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
                segments++;
                events += segmentEvents.Count;
            }
        }
        return (segments, events);
    }
}
