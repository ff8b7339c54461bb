using Azure.Data.Tables;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// Checks the index rows that <c>GET /api/audit</c> shows against the chain events they copy: every row in the range
/// must re-hash to its event's hash (so no copied field was edited), and every event must have its rows.
/// </summary>
internal static class AuditIndexCheck
{
    public static async Task VerifyAsync(TableClient index, AuditVerificationRun run, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string Partition, string EventId)>();
        // "all" and actor rows are keyed by time, so the range is a key range; target buckets are keyed by target id
        // first, so they are read apart, filtered on the event time (a row key that starts with digits can fall in
        // the time range, which is why the first pass skips them).
        await foreach (var row in index.QueryAsync<TableEntity>(AuditEntityMapper.IndexTimeRange(run.From, run.To), cancellationToken: cancellationToken))
        {
            if (!AuditEntityMapper.IsTargetPartition(row.PartitionKey))
            {
                Check(row, run, seen);
            }
        }
        await foreach (var row in index.QueryAsync<TableEntity>(AuditEntityMapper.TargetTimeRange(run.From, run.To), cancellationToken: cancellationToken))
        {
            Check(row, run, seen);
        }
        foreach (var e in run.Events.Values.Where(e => !run.Archived.Contains(e.Id) && e.Time >= run.From && e.Time <= run.To).OrderBy(e => e.Time))
        {
            if (AuditEntityMapper.IndexKeys(e).FirstOrDefault(k => !seen.Contains((k.PartitionKey, e.Id))) is { PartitionKey: { } missing })
            {
                run.Break(new AuditBreak(AuditBreakReasons.IndexMismatch, e.Id, e.Partition,
                    $"Event {e.Partition}/{e.Sequence} has no {missing} index row: the viewer does not show it."));
            }
        }
    }

    private static void Check(TableEntity row, AuditVerificationRun run, HashSet<(string Partition, string EventId)> seen)
    {
        run.IndexRows++;
        var copy = AuditEntityMapper.ToEvent(row);
        seen.Add((row.PartitionKey, copy.Id));
        if (!run.Events.TryGetValue(copy.Id, out var e))
        {
            run.Break(new AuditBreak(AuditBreakReasons.IndexMismatch, copy.Id, copy.Partition,
                $"Index row {row.PartitionKey}/{row.RowKey} copies an event that is not in the chain."));
        }
        else if (copy.Hash != e.Hash || AuditChain.ComputeHash(copy) != e.Hash || !AuditEntityMapper.IndexKeys(e).Contains((row.PartitionKey, row.RowKey)))
        {
            run.Break(new AuditBreak(AuditBreakReasons.IndexMismatch, e.Id, e.Partition,
                $"Index row {row.PartitionKey}/{row.RowKey} differs from the chain event it copies."));
        }
    }
}
