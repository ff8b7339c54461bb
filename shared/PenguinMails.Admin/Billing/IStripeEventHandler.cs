namespace PenguinMails.Admin.Billing;

/// <summary>Handles the Stripe event types it lists. Handlers are idempotent and re-fetch fresh objects from Stripe.</summary>
public interface IStripeEventHandler
{
    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>Applies the event; returns a short description of what it did, for the event's record.</summary>
    Task<string> HandleAsync(StripeWebhookEvent stripeEvent, CancellationToken cancellationToken = default);
}
