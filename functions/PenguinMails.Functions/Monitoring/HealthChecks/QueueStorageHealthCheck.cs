using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Monitoring.HealthChecks;

/// <summary>Queue storage: reads the properties of our own alert queue.</summary>
public sealed class QueueStorageHealthCheck(StorageClients storage, HealthProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        probe.RunAsync("Queue storage", async token =>
        {
            try
            {
                await storage.Queue(EventDestinations.SecurityAlerts).GetPropertiesAsync(token);
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return $"queue {EventDestinations.SecurityAlerts} is missing";
            }
        }, cancellationToken);
}
