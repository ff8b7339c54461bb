using System.Collections.Concurrent;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>
/// A test activity with a real, idempotent effect: one row per instance and step in an Azurite table, inserted once
/// whatever the number of runs; each subclass is one step, named after it. <see cref="Executions"/> counts the runs, so tests can tell "ran twice" from "did twice".
/// </summary>
public abstract class RecordEffect(StorageClients storage) : IWorkflowActivity
{
    public const string TableName = "WorkflowTestEffects";
    public static readonly ConcurrentDictionary<string, int> Executions = new();

    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        Executions.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1);
        try
        {
            await storage.Table(TableName).AddEntityAsync(new TableEntity(context.InstanceId, context.StepName) { ["Key"] = context.IdempotencyKey },
                cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            // An earlier run of this step already made the effect: nothing more to do.
        }
        return new { context.StepName, context.Execution };
    }

    public static int ExecutionsOf(string instanceId) => Executions.Where(e => e.Key.StartsWith(instanceId + ":", StringComparison.Ordinal)).Sum(e => e.Value);

    public static async Task<List<string>> EffectsAsync(StorageClients storage, string instanceId)
    {
        var steps = new List<string>();
        await foreach (var row in storage.Table(TableName).QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            steps.Add(row.RowKey);
        }
        return steps;
    }
}
