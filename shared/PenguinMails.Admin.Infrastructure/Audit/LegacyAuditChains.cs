using Azure.Data.Tables;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// The per-day chains written before lanes (partition <c>yyyy-MM-dd</c>, each from the genesis hash, with a
/// <c>head</c> row). They are verified as they were written, as legacy segments, and never migrated: rewriting
/// audit rows would itself be the tampering the log exists to show. They predate digests, so a whole legacy
/// day deleted with its head is not detectable; see docs/audit.md.
/// </summary>
internal static class LegacyAuditChains
{
    public static async Task VerifyAsync(TableClient chain, AuditVerificationRun run, CancellationToken cancellationToken)
    {
        for (var day = run.From.UtcDateTime.Date; day <= run.To.UtcDateTime; day = day.AddDays(1))
        {
            var partition = AuditChainReader.LegacyPartition(new DateTimeOffset(day, TimeSpan.Zero));
            var events = await AuditChainReader.LegacyDayAsync(chain, partition, cancellationToken);
            var head = await AuditChainReader.HeadAsync(chain, partition, cancellationToken);
            if (events.Count == 0 && head is null)
            {
                continue;
            }
            run.LegacySegments++;
            run.Chains++;
            run.AddEvents(events);
            if (AuditChain.FindBreak(events, 1, AuditChain.Genesis) is { } broken)
            {
                run.Break(broken);
                continue;
            }
            var last = events.LastOrDefault();
            var headSequence = head?.GetInt64("Sequence") ?? 0;
            if (headSequence != (last?.Sequence ?? 0) || (last is not null && head?.GetString("Hash") != last.Hash))
            {
                run.Break(new AuditBreak(AuditBreakReasons.MissingEvent, last?.Id ?? $"{partition}:head", partition,
                    $"Legacy chain {partition} ends at {last?.Sequence ?? 0}, but its head says {headSequence}."));
            }
        }
    }
}
