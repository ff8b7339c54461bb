namespace PenguinMails.Admin.Billing;

/// <summary>Where a stored Stripe event is: received (queued, not yet processed), processed, or deliberately not processed.</summary>
public enum StripeEventStatus
{
    Received,
    Processed,
    NotProcessed,
}
