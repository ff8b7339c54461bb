using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PenguinMails.Admin.Infrastructure.Monitoring;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Monitoring.HealthChecks;

/// <summary>Table storage: a point query on one of our own tables (cheap, and proves the table exists and is readable).</summary>
public sealed class TableStorageHealthCheck(StorageClients storage, HealthProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        probe.RunAsync("Table storage", async token =>
        {
            try
            {
                await storage.Table(TableRequestStatsStore.TableName).GetEntityIfExistsAsync<TableEntity>("health", "probe", ["PartitionKey"], token);
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return $"table {TableRequestStatsStore.TableName} is missing";
            }
        }, cancellationToken);
}
