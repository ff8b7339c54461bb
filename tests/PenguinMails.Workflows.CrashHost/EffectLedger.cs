using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// What the test workflow's steps did, in Azurite, where every process and the test read it. An effect is additive
/// (a new row each time it is applied, as a charge would be), so applying it twice would show as two rows; it is
/// applied together with a row for its idempotency key in one table transaction, so a re-run finds the key and
/// applies nothing. <see cref="RunsTable"/> has one row per run of a step, so a test tells "ran twice" from "did twice".
/// </summary>
public sealed class EffectLedger(StorageClients storage)
{
    public const string EffectsTable = "CrashTestEffects";
    public const string RunsTable = "CrashTestRuns";

    public static async Task CreateTablesAsync(StorageClients storage)
    {
        await storage.Table(EffectsTable).CreateIfNotExistsAsync();
        await storage.Table(RunsTable).CreateIfNotExistsAsync();
    }

    public Task RecordRunAsync(string instanceId, string step, string worker, CancellationToken cancellationToken) =>
        storage.Table(RunsTable).AddEntityAsync(new TableEntity(instanceId, $"{step}:{Guid.NewGuid():N}") { ["Step"] = step, ["Worker"] = worker },
            cancellationToken);

    /// <summary>Applies the effect once per <paramref name="idempotencyKey"/>; false when an earlier run already had.</summary>
    public async Task<bool> ApplyOnceAsync(string instanceId, string step, string idempotencyKey, string worker, CancellationToken cancellationToken)
    {
        TableTransactionAction[] transaction =
        [
            new(TableTransactionActionType.Add, new TableEntity(instanceId, "key:" + idempotencyKey)),
            new(TableTransactionActionType.Add, new TableEntity(instanceId, $"effect:{Guid.NewGuid():N}") { ["Step"] = step, ["Worker"] = worker }),
        ];
        try
        {
            await storage.Table(EffectsTable).SubmitTransactionAsync(transaction, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public Task<List<LedgerRow>> EffectsAsync(string instanceId) => ReadAsync(EffectsTable, instanceId, "effect:");

    public Task<List<LedgerRow>> RunsAsync(string instanceId) => ReadAsync(RunsTable, instanceId, "");

    private async Task<List<LedgerRow>> ReadAsync(string table, string instanceId, string rowPrefix)
    {
        var rows = new List<LedgerRow>();
        await foreach (var row in storage.Table(table).QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            if (row.RowKey.StartsWith(rowPrefix, StringComparison.Ordinal))
            {
                rows.Add(new LedgerRow(row.GetString("Step"), row.GetString("Worker")));
            }
        }
        return rows;
    }
}
