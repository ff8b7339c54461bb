namespace PenguinMails.Admin.Billing;

/// <summary>
/// Where a stored Stripe event is: received (queued, not yet processed), processed, deliberately not processed, or failed
/// (its last attempt threw; the queue retries it, and finance can replay it from GET /api/finance/webhook-events).
/// </summary>
public enum StripeEventStatus
{
    Received,
    Processed,
    NotProcessed,
    Failed,
}
