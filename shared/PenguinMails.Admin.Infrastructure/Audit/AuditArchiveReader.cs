using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.DataProtection;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>Reads a segment back from the retention archive (<see cref="AuditRetention"/>), so verification covers archived segments too.</summary>
public sealed class AuditArchiveReader(StorageClients storage)
{
    /// <summary>The archived segment's events in sequence order; empty when the archive blob is gone.</summary>
    public async Task<List<AuditEvent>> ReadSegmentAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(AuditRetention.ContainerName).GetBlobClient(blobName);
        try
        {
            var content = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
            return [.. await AuditArchiveLine.ReadAllAsync(content, cancellationToken)];
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }
}
