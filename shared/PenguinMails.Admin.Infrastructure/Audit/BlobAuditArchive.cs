using System.Globalization;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// Writes one UTC day of audit events as JSON Lines to Blob storage, where the OLAP <c>admin_audit_log</c> ingestion
/// picks it up. The blob name is derived from the day (Hive-style <c>date=</c> folder), and a past day's events never
/// change, so running it again rewrites the same file.
/// </summary>
public sealed class BlobAuditArchive(StorageClients storage, IAuditLog audit)
{
    public const string Container = "audit-export";

    public static string BlobName(DateOnly day) =>
        $"admin_audit_log/date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/events.jsonl";

    public async Task<(string BlobName, long Events)> ExportDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var blob = storage.Container(Container).GetBlockBlobClient(BlobName(day));
        var options = new BlockBlobOpenWriteOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } };
        long events;
        await using (var stream = await blob.OpenWriteAsync(overwrite: true, options, cancellationToken))
        {
            events = await AuditExportWriter.WriteJsonLinesAsync(audit.ReadAsync(from, from.AddDays(1).AddTicks(-1), cancellationToken), stream,
                cancellationToken);
        }
        await blob.SetMetadataAsync(new Dictionary<string, string> { ["events"] = events.ToString(CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken);
        return (blob.Name, events);
    }
}
