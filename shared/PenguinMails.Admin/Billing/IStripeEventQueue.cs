namespace PenguinMails.Admin.Billing;

/// <summary>Hands a stored event to asynchronous processing (a storage queue function).</summary>
public interface IStripeEventQueue
{
    Task EnqueueAsync(string eventId, CancellationToken cancellationToken = default);
}
