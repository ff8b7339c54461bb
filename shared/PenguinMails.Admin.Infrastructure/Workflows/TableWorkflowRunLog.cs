using System.Globalization;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The run log on Azure Tables, one partition per workflow type. Start rows (<c>started|{ticks}|{id}|{execution}</c>)
/// sort oldest first; finish rows (<c>{Outcome}|{inverted ticks}|{id}|{execution}</c>) sort by outcome, newest first.
/// So "started in a window", "failed since" and "the latest completion" are each one range query in one partition,
/// reading only the rows they return. Keys derive from the execution's own times, so recording again replaces the
/// same row.
/// </summary>
public sealed class TableWorkflowRunLog(StorageClients storage) : IWorkflowRunLog
{
    public const string TableName = "WorkflowRuns";
    private const string StartedPrefix = "started|";
    private TableClient Table => storage.Table(TableName);

    public Task RecordStartAsync(WorkflowInstance started, CancellationToken cancellationToken = default) =>
        UpsertAsync(WorkflowRun.Started(started), StartedPrefix + Ticks(started.CreatedTime.UtcTicks), cancellationToken);

    public Task RecordFinishAsync(WorkflowInstance finished, CancellationToken cancellationToken = default)
    {
        if (!finished.IsTerminal)
        {
            throw new InvalidOperationException($"Workflow '{finished.Id}' has not finished ({finished.Status}).");
        }
        return UpsertAsync(WorkflowRun.Finished(finished), FinishedPrefix(finished.Status) + Ticks(Inverted(finished.LastUpdatedTime)), cancellationToken);
    }

    public Task<IReadOnlyList<WorkflowRun>> ListStartedAsync(string type, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default) =>
        QueryAsync(type, StartedPrefix + Ticks(from.UtcTicks), StartedPrefix + Ticks(to.UtcTicks), null, cancellationToken);

    public Task<IReadOnlyList<WorkflowRun>> ListFinishedAsync(string type, WorkflowRuntimeStatus outcome, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        var prefix = FinishedPrefix(outcome);
        // Newest first: everything from the start of the outcome's range down to (and including) the row at "since".
        return QueryAsync(type, prefix, prefix + Ticks(Inverted(since) + 1), null, cancellationToken);
    }

    public async Task<WorkflowRun?> LastFinishedAsync(string type, WorkflowRuntimeStatus outcome, CancellationToken cancellationToken = default)
    {
        var (from, to) = TableKeys.PrefixRange(FinishedPrefix(outcome));
        return (await QueryAsync(type, from, to, 1, cancellationToken)).FirstOrDefault();
    }

    private async Task UpsertAsync(WorkflowRun run, string keyPrefix, CancellationToken cancellationToken)
    {
        var row = new TableEntity(run.Type, $"{keyPrefix}|{run.InstanceId}|{run.Execution.ToString("D6", CultureInfo.InvariantCulture)}")
        {
            ["InstanceId"] = run.InstanceId,
            ["Execution"] = run.Execution,
            ["StartedAt"] = run.StartedAt,
            ["StartedById"] = run.StartedById,
            ["StartedByEmail"] = run.StartedByEmail,
            ["Outcome"] = run.Outcome?.ToString(),
            ["FinishedAt"] = run.FinishedAt,
            ["Error"] = run.Error,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<IReadOnlyList<WorkflowRun>> QueryAsync(string type, string fromKey, string toKey, int? take, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {type} and RowKey ge {fromKey} and RowKey lt {toKey}");
        var runs = new List<WorkflowRun>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken))
        {
            runs.Add(ToRun(row));
            if (runs.Count == take)
            {
                break;
            }
        }
        return runs;
    }

    private static WorkflowRun ToRun(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("InstanceId"),
        row.GetInt32("Execution") ?? 1,
        row.GetDateTimeOffset("StartedAt")!.Value,
        row.GetString("StartedById"),
        row.GetString("StartedByEmail"),
        row.GetString("Outcome") is { } outcome ? Enum.Parse<WorkflowRuntimeStatus>(outcome) : null,
        row.GetDateTimeOffset("FinishedAt"),
        row.GetString("Error"));

    private static string FinishedPrefix(WorkflowRuntimeStatus outcome) => outcome + "|";

    private static long Inverted(DateTimeOffset time) => DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks;

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
