using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// Verifies a time range: the signed digest chain, every lane's segments (each chained from the previous segment's
/// final hash, each closed one against its seal, the open one against its head), every digest's claim about a
/// segment, the legacy per-day chains, and the index rows the viewer reads. Reports the first broken link.
/// </summary>
public sealed class AuditVerifier(StorageClients storage, BlobAuditDigestStore digests, IAuditDigestSigner signer, AuditArchiveReader archives)
{
    private TableClient Chain => storage.Table(TableAuditLog.ChainTable);

    public async Task<AuditVerification> VerifyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var run = new AuditVerificationRun(from, to);
        var digestLines = await digests.ReadFromAsync(DateOnly.FromDateTime(from.UtcDateTime).AddDays(-1), cancellationToken);
        await VerifyDigestChainAsync(run, digestLines, cancellationToken);
        var (fromHour, toHour) = (AuditLanes.Hour(from), AuditLanes.Hour(to));
        var claims = digestLines.SelectMany(d => d.Segments)
            .Where(s => string.CompareOrdinal(AuditLanes.ParseSegment(s.Segment).Hour, fromHour) >= 0
                        && string.CompareOrdinal(AuditLanes.ParseSegment(s.Segment).Hour, toHour) <= 0)
            .ToLookup(s => s.Segment, StringComparer.Ordinal);
        var lanes = await AuditChainReader.LanesAsync(Chain, cancellationToken);
        foreach (var lane in lanes.Union(claims.Select(c => AuditLanes.ParseSegment(c.Key).Lane)).Order(StringComparer.Ordinal))
        {
            await VerifyLaneAsync(run, lane, fromHour, toHour, claims, cancellationToken);
        }
        await LegacyAuditChains.VerifyAsync(Chain, run, cancellationToken);
        await AuditIndexCheck.VerifyAsync(storage.Table(TableAuditLog.IndexTable), run, cancellationToken);
        return run.Result();
    }

    private async Task VerifyDigestChainAsync(AuditVerificationRun run, List<AuditDigestLine> lines, CancellationToken cancellationToken)
    {
        AuditDigestLine? previous = null;
        foreach (var line in lines)
        {
            var digest = line.ToDigest();
            run.Digests++;
            run.LastDigestAt = DateTimeOffset.Parse(line.Time, System.Globalization.CultureInfo.InvariantCulture);
            if (!await signer.VerifyAsync(digest.Canonical(), digest.KeyId, digest.Signature, cancellationToken) || digest.Hash() != line.Hash)
            {
                run.Break(new AuditBreak(AuditBreakReasons.DigestSignatureBad, null, null, $"Digest {line.Sequence} ({line.Time}) is not signed by the vault's key."));
            }
            var expectedPrevious = previous?.Hash ?? (line.Sequence == 1 ? AuditChain.Genesis : null);
            if ((previous is not null && line.Sequence != previous.Sequence + 1) || (expectedPrevious is not null && line.PreviousDigestHash != expectedPrevious))
            {
                run.Break(new AuditBreak(AuditBreakReasons.DigestChainBroken, null, null,
                    $"Digest {line.Sequence} ({line.Time}) does not follow digest {previous?.Sequence ?? 0}: a digest is missing or was replaced."));
            }
            previous = line;
        }
    }

    private async Task VerifyLaneAsync(AuditVerificationRun run, string lane, string fromHour, string toHour, ILookup<string, AuditDigestSegment> claims,
        CancellationToken cancellationToken)
    {
        var events = (await AuditChainReader.LaneEventsAsync(Chain, lane, fromHour, toHour, cancellationToken))
            .GroupBy(e => AuditLanes.ParseSegment(e.Partition).Hour).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var seals = await AuditChainReader.SealsAsync(Chain, lane, fromHour, toHour, cancellationToken);
        var before = await AuditChainReader.SealBeforeAsync(Chain, lane, fromHour, cancellationToken);
        var head = await AuditChainReader.HeadAsync(Chain, lane, cancellationToken);
        var headHour = head?.GetString("Hour");
        var hours = new SortedSet<string>(events.Keys.Concat(seals.Keys), StringComparer.Ordinal);
        foreach (var claimed in claims.Select(c => AuditLanes.ParseSegment(c.Key)).Where(c => c.Lane == lane))
        {
            hours.Add(claimed.Hour);
        }
        if (headHour is not null && string.CompareOrdinal(headHour, fromHour) >= 0 && string.CompareOrdinal(headHour, toHour) <= 0)
        {
            hours.Add(headHour);
        }
        if (before?.Next is { Length: > 0 } next && string.CompareOrdinal(next, toHour) <= 0)
        {
            hours.Add(next);
        }
        if (hours.Count == 0)
        {
            return;
        }
        run.Chains++;
        var previousHash = before?.LastHash;
        foreach (var hour in hours)
        {
            var segment = AuditLanes.Segment(hour, lane);
            run.Segments++;
            seals.TryGetValue(hour, out var seal);
            var isHead = hour == headHour;
            var archived = false;
            if (!events.TryGetValue(hour, out var segmentEvents) && seal?.Archive is { } archive)
            {
                // Retention deleted this segment's rows after archiving them: verify the archive instead.
                segmentEvents = await archives.ReadSegmentAsync(archive, cancellationToken);
                archived = true;
            }
            if (segmentEvents is not { Count: > 0 })
            {
                run.Break(new AuditBreak(AuditBreakReasons.MissingSegment, null, segment, $"Segment {segment} has no events, but its lane, seal or a digest names it."));
                previousHash = seal?.LastHash;
                continue;
            }
            run.AddEvents(segmentEvents, archived);
            var first = segmentEvents[0];
            // A lane's first segment starts from the genesis hash; every later one from its predecessor's final hash.
            var expectedStart = previousHash ?? (first.PreviousHash == AuditChain.Genesis ? AuditChain.Genesis : null);
            if (expectedStart is null || (first.Sequence == 1 && first.PreviousHash != expectedStart && AuditChain.ComputeHash(first) == first.Hash))
            {
                run.Break(new AuditBreak(AuditBreakReasons.MissingSegment, first.Id, segment,
                    $"Segment {segment} does not start from the final hash of the lane's previous segment."));
            }
            else if (AuditChain.FindBreak(segmentEvents, 1, expectedStart) is { } broken)
            {
                run.Break(broken);
            }
            var last = segmentEvents[^1];
            var (endSequence, endHash, end) = seal is not null ? (seal.LastSequence, seal.LastHash, "seal")
                : isHead ? (head!.GetInt64("Sequence") ?? 0, head.GetString("Hash"), "head") : (-1L, "", "");
            if (end.Length == 0)
            {
                run.Break(new AuditBreak(AuditBreakReasons.MissingSegment, last.Id, segment, $"Segment {segment} is closed but its seal is gone."));
            }
            else if (endSequence != last.Sequence || endHash != last.Hash)
            {
                run.Break(new AuditBreak(AuditBreakReasons.MissingEvent, last.Id, segment,
                    $"Segment {segment} ends at {last.Sequence}, but its {end} says {endSequence}: events were removed from its end."));
            }
            foreach (var claim in claims[segment])
            {
                var claimed = segmentEvents.FirstOrDefault(e => e.Sequence == claim.LastSequence);
                if (claimed is null)
                {
                    run.Break(new AuditBreak(AuditBreakReasons.MissingEvent, last.Id, segment,
                        $"A signed digest recorded event {segment}/{claim.LastSequence}, which is gone."));
                }
                else if (claimed.Hash != claim.LastHash)
                {
                    run.Break(new AuditBreak(AuditBreakReasons.EditedEvent, claimed.Id, segment,
                        $"Event {segment}/{claim.LastSequence} differs from the hash a signed digest recorded: the chain was recomputed."));
                }
            }
            previousHash = seal?.LastHash ?? last.Hash;
        }
    }
}
