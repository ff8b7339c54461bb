namespace PenguinMails.Functions.Hosting;

/// <summary>
/// A non-HTTP function: a timer with its 6-field NCRONTAB schedule, or a storage queue or Service Bus trigger.
/// HTTP functions are the app's named endpoints. Source is the queue's logical name.
/// </summary>
public sealed record FunctionRegistration(string Name, FunctionKind Kind, string Source, Type Handler)
{
    /// <summary>The app setting that names the trigger's connection, as the Functions host resolves it.</summary>
    public string Connection => Kind == FunctionKind.ServiceBus ? "ServiceBus" : "Storage";
}
