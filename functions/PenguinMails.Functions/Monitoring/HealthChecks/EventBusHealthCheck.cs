using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Events;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Monitoring.HealthChecks;

/// <summary>
/// The integration event bus. For the local storage-queue bus: every destination queue must exist. Another bus
/// adapter brings its own probe (a check named "bus" registered with it); until then this says it isn't probed.
/// </summary>
public sealed class EventBusHealthCheck(IIntegrationEventBus bus, StorageClients storage, HealthProbe probe) : IHealthCheck
{
    private static readonly string[] Destinations = typeof(EventDestinations).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToArray();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (bus is not StorageQueueEventBus)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"{bus.GetType().Name} has no health probe"));
        }
        return probe.RunAsync("The storage-queue bus", async token =>
        {
            var missing = new List<string>();
            foreach (var destination in Destinations)
            {
                try
                {
                    await storage.Queue(destination).GetPropertiesAsync(token);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    missing.Add(destination);
                }
            }
            return missing.Count == 0 ? null : "missing destination queue(s): " + string.Join(", ", missing);
        }, cancellationToken);
    }
}
