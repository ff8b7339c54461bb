namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>
/// The <c>ServiceBus</c> settings. In Azure set <see cref="FullyQualifiedNamespace"/>: the client signs in with
/// <c>DefaultAzureCredential</c> (the app's managed identity). Elsewhere set <see cref="ConnectionString"/>, a Service Bus
/// connection string (<c>Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…</c>; the emulator's adds
/// <c>UseDevelopmentEmulator=true</c>).
/// </summary>
public sealed class ServiceBusOptions
{
    public string? FullyQualifiedNamespace { get; set; }

    public string? ConnectionString { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || !string.IsNullOrWhiteSpace(ConnectionString);
}
