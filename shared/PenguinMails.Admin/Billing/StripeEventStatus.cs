namespace PenguinMails.Admin.Billing;

/// <summary>Where a stored Stripe event is: received (not yet queued), queued, processed, or deliberately not processed.</summary>
public enum StripeEventStatus
{
    Received,
    Queued,
    Processed,
    NotProcessed,
}
