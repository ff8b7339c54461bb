using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// Writes the next signed digest: for every lane, its open segment (the head) and every segment it closed since the
/// previous digest, each with its last sequence, last hash and count, plus the previous digest's hash. Runs hourly
/// and whenever a segment closes; any number of instances may run it, as appends to the digest blob are conditional.
/// </summary>
public sealed class AuditDigestWriter(StorageClients storage, BlobAuditDigestStore store, IAuditDigestSigner signer, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TableClient Chain => storage.Table(TableAuditLog.ChainTable);

    public async Task<AuditDigest> WriteAsync(string trigger, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another instance that appended a digest first makes the append at the expected length fail: chain after it.
            return await OptimisticConcurrency.RetryAsync(async ct =>
            {
                var tail = await store.LastAsync(ct);
                var now = time.GetUtcNow();
                var keyId = await signer.CurrentKeyIdAsync(ct);
                var unsigned = new AuditDigest((tail.Last?.Sequence ?? 0) + 1, AuditDigest.FormatTime(now), trigger, tail.Last?.Hash ?? AuditChain.Genesis,
                    await SegmentsAsync(tail.Last, ct), keyId, "");
                var digest = unsigned with { Signature = await signer.SignAsync(unsigned.Canonical(), keyId, ct) };
                var day = DateOnly.FromDateTime(now.UtcDateTime);
                var expected = tail.BlobName == BlobAuditDigestStore.BlobName(day) ? tail.Length : 0;
                return (await store.TryAppendAsync(day, AuditDigestLine.From(digest), expected, ct), digest);
            }, "Other instances kept appending audit digests; this one was not written. The next hourly digest covers its events.", cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<List<AuditDigestSegment>> SegmentsAsync(AuditDigestLine? previous, CancellationToken cancellationToken)
    {
        var segments = new List<AuditDigestSegment>();
        foreach (var lane in await AuditChainReader.LanesAsync(Chain, cancellationToken))
        {
            if (await AuditChainReader.HeadAsync(Chain, lane, cancellationToken) is not { } head)
            {
                continue;
            }
            var headHour = head.GetString("Hour");
            // Seals since the lane's segment in the previous digest (that one included: it may have closed since).
            var since = previous?.Segments.Select(s => AuditLanes.ParseSegment(s.Segment)).Where(s => s.Lane == lane).Select(s => s.Hour)
                .DefaultIfEmpty("0000-00-00T00").Max(StringComparer.Ordinal)!;
            foreach (var seal in (await AuditChainReader.SealsAsync(Chain, lane, since, headHour, cancellationToken)).Values)
            {
                segments.Add(new AuditDigestSegment(seal.Segment, seal.LastSequence, seal.LastHash, seal.LastSequence, true));
            }
            var sequence = head.GetInt64("Sequence") ?? 0;
            segments.Add(new AuditDigestSegment(AuditLanes.Segment(headHour, lane), sequence, head.GetString("Hash"), sequence, false));
        }
        return segments;
    }
}
