using System.Text.Json;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>The local default bus: each destination is an Azure Storage queue of the same name.</summary>
public sealed class StorageQueueEventBus(StorageClients storage) : IIntegrationEventBus
{
    public async Task PublishAsync(string destination, IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(integrationEvent, JsonSerializerOptions.Web);
        await storage.Queue(destination).SendMessageAsync(body, cancellationToken);
    }
}
