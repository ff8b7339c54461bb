using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Monitoring.HealthChecks;

/// <summary>Blob storage: lists at most one of our containers (by the storage prefix).</summary>
public sealed class BlobStorageHealthCheck(StorageClients storage, HealthProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        probe.RunAsync("Blob storage", async token =>
        {
            var prefix = storage.Names.Container("");
            var containers = storage.Blobs.GetBlobContainersAsync(BlobContainerTraits.None, BlobContainerStates.None,
                prefix.Length > 0 ? prefix : null, token);
            await foreach (var _ in containers.AsPages(pageSizeHint: 1).WithCancellation(token))
            {
                break;
            }
            return null;
        }, cancellationToken);
}
