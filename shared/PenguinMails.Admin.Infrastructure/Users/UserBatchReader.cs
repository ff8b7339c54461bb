using System.Collections.Concurrent;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Reads many users by id in as few calls as the ids allow. Where many of the ids share a partition, it reads their
/// key range page by page (up to 1,000 rows a call) for as long as a page finds enough of them to pay for itself;
/// the rest, and small groups, are point reads. A sorted bulk batch costs a call or two instead of one per user, and
/// a sparse one at most one wasted page per partition.
/// </summary>
internal sealed class UserBatchReader(Func<TableClient> table, int parallelism)
{
    /// <summary>A partition's ids below this count are point-read: a range would rarely beat them.</summary>
    public const int RangeThreshold = 20;

    /// <summary>A range page that finds fewer wanted users than this stops the scan; what is left is point-read.</summary>
    public const int MinimumHitsPerPage = 10;

    private const int PageRows = 1000;

    public async Task<IReadOnlyDictionary<string, Versioned<PlatformUser>>> ReadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, Versioned<PlatformUser>>(StringComparer.Ordinal);
        var groups = ids.Distinct(StringComparer.Ordinal).GroupBy(PlatformUserRows.PartitionOf)
            .Select(g => g.Order(StringComparer.Ordinal).ToList()).ToList();
        var single = new ConcurrentBag<string>(groups.Where(g => g.Count < RangeThreshold).SelectMany(g => g));
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(groups.Where(g => g.Count >= RangeThreshold), options, async (sorted, ct) =>
        {
            foreach (var id in await ScanAsync(sorted, found, ct))
            {
                single.Add(id);
            }
        });
        await Parallel.ForEachAsync(single, options, async (id, ct) =>
        {
            var row = await table().GetEntityIfExistsAsync<TableEntity>(PlatformUserRows.PartitionOf(id), id, cancellationToken: ct);
            if (row.HasValue)
            {
                found[id] = Versioned(row.Value!);
            }
        });
        return found;
    }

    public static Versioned<PlatformUser> Versioned(TableEntity row) => new(PlatformUserRows.ToUser(row), row.ETag.ToString());

    /// <summary>Scans [first, last] of one partition; returns the ids the scan did not reach, to be point-read.</summary>
    private async Task<IReadOnlyList<string>> ScanAsync(List<string> sorted, ConcurrentDictionary<string, Versioned<PlatformUser>> found,
        CancellationToken cancellationToken)
    {
        var partition = PlatformUserRows.PartitionOf(sorted[0]);
        var filter = $"PartitionKey eq '{TableKeys.Escape(partition)}' and RowKey ge '{TableKeys.Escape(sorted[0])}' " +
                     $"and RowKey le '{TableKeys.Escape(sorted[^1])}'";
        var wanted = sorted.ToHashSet(StringComparer.Ordinal);
        string? reached = null;
        await foreach (var page in table().QueryAsync<TableEntity>(filter, PageRows, cancellationToken: cancellationToken).AsPages())
        {
            var hits = 0;
            foreach (var row in page.Values)
            {
                reached = row.RowKey;
                if (wanted.Contains(row.RowKey))
                {
                    found[row.RowKey] = Versioned(row);
                    hits++;
                }
            }
            if (page.ContinuationToken is null)
            {
                return []; // the whole range was read: an id not found does not exist
            }
            if (hits < MinimumHitsPerPage)
            {
                break;
            }
        }
        return sorted.Where(id => reached is null || string.CompareOrdinal(id, reached) > 0).ToList();
    }
}
