using System.Globalization;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// Writes one UTC day of audit events as JSON Lines to Blob storage, where the OLAP <c>admin_audit_log</c> ingestion
/// picks it up. The blob name is derived from the day (Hive-style <c>date=</c> folder), and a past day's events never
/// change, so running it again rewrites the same file. Next to it, <c>digests.jsonl</c> holds the signed digests
/// from the one before the day up to the export, so the day can be verified offline (docs/audit.md).
/// </summary>
public sealed class BlobAuditArchive(StorageClients storage, IAuditLog audit, BlobAuditDigestStore digests)
{
    public const string Container = "audit-export";

    public static string BlobName(DateOnly day) =>
        $"admin_audit_log/date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/events.jsonl";

    public static string DigestsBlobName(DateOnly day) =>
        $"admin_audit_log/date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/digests.jsonl";

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
        await ExportDigestsAsync(day, cancellationToken);
        return (blob.Name, events);
    }

    private async Task ExportDigestsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var all = await digests.ReadFromAsync(day.AddDays(-1), cancellationToken);
        var dayStart = AuditDigest.FormatTime(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var first = all.FindIndex(d => string.CompareOrdinal(d.Time, dayStart) >= 0);
        // The digest before the day too, so the day's first digest's link can be checked.
        var lines = first < 0 ? all.TakeLast(1) : all.Skip(Math.Max(0, first - 1));
        var body = string.Concat(lines.Select(d => d.Serialize() + "\n"));
        await storage.Container(Container).GetBlobClient(DigestsBlobName(day)).UploadAsync(BinaryData.FromString(body),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } }, cancellationToken);
    }
}
