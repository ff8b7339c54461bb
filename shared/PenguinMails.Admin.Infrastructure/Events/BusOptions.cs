namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>The <c>Bus</c> settings: which transport carries integration events and Service Bus triggers.</summary>
public sealed class BusOptions
{
    public BusKind Kind { get; set; } = BusKind.StorageQueue;
}
