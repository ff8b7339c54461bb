using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Creates every registered table, queue and container at start-up; creation is idempotent.</summary>
public sealed partial class StorageInitializer(
    StorageClients clients, StorageResources resources, StorageReadiness readiness, ILogger<StorageInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var work = resources.Tables.Select(t => (Task)clients.Table(t).CreateIfNotExistsAsync(cancellationToken))
            .Concat(resources.Queues.Select(q => (Task)clients.Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
            .Concat(resources.Containers.Select(c => (Task)clients.Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(work);
        readiness.MarkReady();
        LogReady(resources.Tables.Count, resources.Queues.Count, resources.Containers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Tables} tables, {Queues} queues, {Containers} containers")]
    private partial void LogReady(int tables, int queues, int containers);
}
