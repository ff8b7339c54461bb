namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>Which transport carries integration events (the <c>Bus__Kind</c> setting).</summary>
public enum BusKind
{
    /// <summary>Azure Storage queues (Azurite locally): the default.</summary>
    StorageQueue,

    /// <summary>Azure Service Bus, through its SDK (Azure.Messaging.ServiceBus).</summary>
    ServiceBus,
}
