namespace PenguinMails.Admin.Events;

/// <summary>
/// Publishes integration events to a named destination (a Service Bus queue in Azure, a storage queue locally).
/// Publishing is at-least-once: consumers deduplicate on <see cref="IntegrationEvent.Id"/>.
/// </summary>
public interface IIntegrationEventBus
{
    Task PublishAsync(string destination, IntegrationEvent integrationEvent, CancellationToken cancellationToken = default);
}
