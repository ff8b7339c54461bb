namespace PenguinMails.Functions.Hosting;

/// <summary>One call of a triggered function: the message body (or timer info) and how often it was delivered.</summary>
public sealed record TriggerInvocation(string FunctionName, string Payload, int DequeueCount, DateTimeOffset StartedAt)
{
    public IList<string> Logs { get; } = new List<string>();
}
