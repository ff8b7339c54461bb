using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Job runs. Buckets: partition = "m" + minute or "h" + hour, row = function|instance, replaced by their own
/// instance only. Latest runs: partition = function, row = machine, merged so a restart keeps what it didn't see.
/// </summary>
public sealed class TableJobStatsStore(StorageClients storage) : IJobStatsStore
{
    public const string BucketTable = "MonitoringJobRuns";
    public const string LastRunTable = "MonitoringJobLastRuns";

    public Task WriteBucketsAsync(IReadOnlyCollection<JobBucket> buckets, CancellationToken cancellationToken = default) =>
        TableBatches.SubmitAsync(storage.Table(BucketTable), buckets.Select(b => new TableEntity(Partition(b.Size, b.Start),
            MonitoringKeys.Safe(b.Function + "|" + b.Instance))
        {
            ["Function"] = b.Function,
            ["Instance"] = b.Instance,
            ["Runs"] = b.Runs,
            ["Failures"] = b.Failures,
        }), TableTransactionActionType.UpsertReplace, cancellationToken);

    public Task WriteLastRunsAsync(IReadOnlyCollection<JobLastRun> lastRuns, CancellationToken cancellationToken = default) =>
        TableBatches.SubmitAsync(storage.Table(LastRunTable), lastRuns.Select(ToEntity), TableTransactionActionType.UpsertMerge, cancellationToken);

    public async IAsyncEnumerable<JobBucket> ReadBucketsAsync(JobBucketSize size, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Partition(size, from)} and PartitionKey le {Partition(size, to)}");
        await foreach (var entity in storage.Table(BucketTable).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var start = size == JobBucketSize.Minute ? MonitoringKeys.ParseMinute(entity.PartitionKey[1..]) : MonitoringKeys.ParseHour(entity.PartitionKey[1..]);
            yield return new JobBucket(start, size, entity.GetString("Function") ?? "", entity.GetString("Instance") ?? "",
                entity.GetInt64("Runs") ?? 0, entity.GetInt64("Failures") ?? 0);
        }
    }

    public async Task<IReadOnlyList<JobLastRun>> ReadLastRunsAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<JobLastRun>();
        await foreach (var entity in storage.Table(LastRunTable).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(new JobLastRun(entity.GetString("Function") ?? entity.PartitionKey, entity.GetString("Machine") ?? entity.RowKey,
                entity.GetDateTimeOffset("LastSuccessAt"), entity.GetDateTimeOffset("LastFailureAt"), entity.GetString("LastError")));
        }
        return rows;
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        // Bound each range by its prefix: "h…" sorts before "m…", so an open lower bound would mix the two.
        var table = storage.Table(BucketTable);
        var minutes = await TableBatches.DeleteAsync(table,
            TableClient.CreateQueryFilter($"PartitionKey ge {"m"} and PartitionKey lt {Partition(JobBucketSize.Minute, before)}"), cancellationToken);
        var hours = await TableBatches.DeleteAsync(table,
            TableClient.CreateQueryFilter($"PartitionKey ge {"h"} and PartitionKey lt {Partition(JobBucketSize.Hour, before)}"), cancellationToken);
        return minutes + hours;
    }

    private static string Partition(JobBucketSize size, DateTimeOffset start) =>
        size == JobBucketSize.Minute ? "m" + MonitoringKeys.Minute(start) : "h" + MonitoringKeys.Hour(start);

    private static TableEntity ToEntity(JobLastRun run)
    {
        var entity = new TableEntity(MonitoringKeys.Safe(run.Function), MonitoringKeys.Safe(run.Machine))
        {
            ["Function"] = run.Function,
            ["Machine"] = run.Machine,
        };
        // Merge leaves properties we don't send untouched, so a restarted instance keeps the older success or failure.
        if (run.LastSuccessAt is { } success)
        {
            entity["LastSuccessAt"] = success;
        }
        if (run.LastFailureAt is { } failure)
        {
            entity["LastFailureAt"] = failure;
            entity["LastError"] = run.LastError ?? "";
        }
        return entity;
    }
}
