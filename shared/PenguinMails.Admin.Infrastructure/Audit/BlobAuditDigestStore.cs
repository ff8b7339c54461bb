using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// Digests in append blobs, one per UTC day (<c>yyyy/MM/yyyy-MM-dd.jsonl</c>), in the <c>audit-digests</c> container.
/// A digest is appended only at the position the writer read, so two writers never interleave; in Azure the
/// container's time-based immutability policy (infra/main.bicep, protected append writes) forbids rewriting or
/// deleting them.
/// </summary>
public sealed class BlobAuditDigestStore(StorageClients storage)
{
    public const string Container = "audit-digests";

    public static string BlobName(DateOnly day) => day.ToString("yyyy'/'MM'/'yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl";

    public sealed record Tail(AuditDigestLine? Last, string? BlobName, long Length);

    /// <summary>The newest digest, with its blob and that blob's length (the position the next append in it must find).</summary>
    public async Task<Tail> LastAsync(CancellationToken cancellationToken = default)
    {
        string? newest = null;
        await foreach (var item in storage.Container(Container).GetBlobsAsync(cancellationToken: cancellationToken))
        {
            newest = item.Name;
        }
        if (newest is null)
        {
            return new Tail(null, null, 0);
        }
        var (lines, length) = await ReadBlobAsync(newest, cancellationToken);
        return new Tail(lines.LastOrDefault(), newest, length);
    }

    /// <summary>Every digest in the blobs of <paramref name="fromDay"/> and later, oldest first.</summary>
    public async Task<List<AuditDigestLine>> ReadFromAsync(DateOnly fromDay, CancellationToken cancellationToken = default)
    {
        var first = BlobName(fromDay);
        var digests = new List<AuditDigestLine>();
        await foreach (var item in storage.Container(Container).GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (string.CompareOrdinal(item.Name, first) >= 0)
            {
                digests.AddRange((await ReadBlobAsync(item.Name, cancellationToken)).Lines);
            }
        }
        return digests;
    }

    /// <summary>Appends one digest line to the day's blob if it is still <paramref name="expectedLength"/> long; false when another writer was first.</summary>
    public async Task<bool> TryAppendAsync(DateOnly day, AuditDigestLine line, long expectedLength, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(Container).GetAppendBlobClient(BlobName(day));
        await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } },
            cancellationToken);
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(line.Serialize() + "\n"));
        try
        {
            await blob.AppendBlockAsync(body, new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = expectedLength } },
                cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private async Task<(List<AuditDigestLine> Lines, long Length)> ReadBlobAsync(string name, CancellationToken cancellationToken)
    {
        var content = (await storage.Container(Container).GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content;
        var lines = content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(AuditDigestLine.Parse).ToList();
        return (lines, content.ToMemory().Length);
    }
}
