using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// What the test workflow's steps did, in Azurite, where every process and the test read it: <see cref="EffectsTable"/>
/// holds each step's effect once (row key = the step, inserted only if absent, so a re-run changes nothing) and
/// <see cref="RunsTable"/> one row per run of a step, so a test tells "ran twice" from "did twice".
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

    /// <summary>Applies the effect keyed by <paramref name="idempotencyKey"/>; false when an earlier run already had.</summary>
    public async Task<bool> ApplyOnceAsync(string instanceId, string step, string idempotencyKey, string worker, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Table(EffectsTable).AddEntityAsync(new TableEntity(instanceId, step) { ["Key"] = idempotencyKey, ["Worker"] = worker },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<List<LedgerRow>> EffectsAsync(string instanceId) => await ReadAsync(EffectsTable, instanceId, e => e.RowKey);

    public async Task<List<LedgerRow>> RunsAsync(string instanceId) => await ReadAsync(RunsTable, instanceId, e => e.GetString("Step"));

    private async Task<List<LedgerRow>> ReadAsync(string table, string instanceId, Func<TableEntity, string> step)
    {
        var rows = new List<LedgerRow>();
        await foreach (var row in storage.Table(table).QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            rows.Add(new LedgerRow(step(row), row.GetString("Worker")));
        }
        return rows;
    }
}
