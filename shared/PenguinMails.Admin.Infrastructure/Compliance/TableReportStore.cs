using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// The report index in Azure Tables and each document as canonical JSON in Blob storage (<c>reports/{id}.json</c>).
/// The index row is claimed with an insert; the blob is created with If-None-Match: *, so it is written once.
/// </summary>
public sealed class TableReportStore(StorageClients storage, TablePaging paging) : IReportStore
{
    public const string TableName = "Reports";
    public const string Container = "reports";
    private TableClient Table => storage.Table(TableName);

    public async Task<ReportClaim> ClaimAsync(ReportRecord pending, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        try
        {
            var added = await Table.AddEntityAsync(ReportEntityMapper.ToEntity(pending), cancellationToken);
            return new ReportClaim(pending, added.Headers.ETag.ToString()!, true);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(pending.Id, cancellationToken) ?? throw new InvalidOperationException($"Report {pending.Id} vanished.");
            var abandoned = existing.Value.Status == ReportStatus.Pending && existing.Value.CreatedAt + lease < pending.CreatedAt;
            if (existing.Value.Status != ReportStatus.Failed && !abandoned)
            {
                return new ReportClaim(existing.Value, existing.ETag, false);
            }
            try
            {
                var retaken = await Table.UpdateEntityAsync(ReportEntityMapper.ToEntity(pending), new Azure.ETag(existing.ETag), TableUpdateMode.Replace, cancellationToken);
                return new ReportClaim(pending, retaken.Headers.ETag.ToString()!, true);
            }
            catch (Azure.RequestFailedException raced) when (raced.Status == 412)
            {
                var winner = await GetAsync(pending.Id, cancellationToken);
                return new ReportClaim(winner!.Value, winner.ETag, false);
            }
        }
    }

    public async Task<ReportRecord> CompleteAsync(ReportClaim claim, ComplianceReport document, DateTimeOffset completedAt,
        CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(Container).GetBlobClient(claim.Record.Id + ".json");
        var json = ReportJson.Serialize(document);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(json), new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            // An earlier run wrote the document and died before updating the index: that document is the report.
            json = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            document = ReportJson.Deserialize(json);
        }
        var completed = claim.Record with
        {
            Status = ReportStatus.Completed, CompletedAt = completedAt, Sha256 = ReportJson.Sha256(json), Summary = document.Summary,
        };
        try
        {
            await Table.UpdateEntityAsync(ReportEntityMapper.ToEntity(completed), new Azure.ETag(claim.ETag), TableUpdateMode.Replace, cancellationToken);
            return completed;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 412)
        {
            return (await GetAsync(claim.Record.Id, cancellationToken))!.Value;
        }
    }

    public async Task FailAsync(ReportClaim claim, CancellationToken cancellationToken = default)
    {
        var failed = claim.Record with { Status = ReportStatus.Failed };
        try
        {
            await Table.UpdateEntityAsync(ReportEntityMapper.ToEntity(failed), new Azure.ETag(claim.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 412)
        {
            // Someone else took the report over; their outcome stands.
        }
    }

    public async Task<Versioned<ReportRecord>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (ReportEntityMapper.RowKeyOf(id) is not { } rowKey)
        {
            return null;
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(ReportEntityMapper.Partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<ReportRecord>(ReportEntityMapper.ToRecord(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<Versioned<ReportRecord>> UpdateAsync(ReportRecord record, string etag, CancellationToken cancellationToken = default)
    {
        var response = await TableErrors.GuardAsync(() =>
            Table.UpdateEntityAsync(ReportEntityMapper.ToEntity(record), new Azure.ETag(etag), TableUpdateMode.Replace, cancellationToken));
        return new Versioned<ReportRecord>(record, response.Headers.ETag.ToString()!);
    }

    public async Task<Page<ReportRecord>> ListAsync(ReportType? type, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filter = $"PartitionKey eq '{ReportEntityMapper.Partition}'" + (type is { } t ? $" and Type eq '{t.Name()}'" : "");
        var result = await paging.QueryAsync<TableEntity>(Table, filter, page, "reports", cancellationToken);
        return result.Map(ReportEntityMapper.ToRecord);
    }

    public async Task<ComplianceReport?> ReadDocumentAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await storage.Container(Container).GetBlobClient(id + ".json").DownloadContentAsync(cancellationToken);
            return ReportJson.Deserialize(content.Value.Content.ToMemory().Span);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
