namespace PenguinMails.Functions.Hosting;

/// <summary>
/// A timer, queue or Service Bus function. The Functions host (POST /{FunctionName}) and the local trigger runner
/// both call it. Throwing fails the invocation: queue messages are retried, and after 5 attempts they go to poison.
/// </summary>
public interface ITriggeredFunction
{
    Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken);
}
