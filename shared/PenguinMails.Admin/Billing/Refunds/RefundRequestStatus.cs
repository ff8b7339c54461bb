namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// Where a refund request stands, read from its workflow: verifying the duplicate, waiting for Stripe's refund
/// confirmation, completed, rejected (no duplicate charge), or failed (the workflow failed or was terminated).
/// </summary>
public enum RefundRequestStatus
{
    Verifying,
    AwaitingRefund,
    Completed,
    Rejected,
    Failed,
}
