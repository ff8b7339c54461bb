namespace PenguinMails.Admin.Billing;

/// <summary>Verifying the duplicate, waiting for Stripe's refund confirmation, completed, or rejected (no duplicate).</summary>
public enum RefundRequestStatus
{
    Verifying,
    AwaitingRefund,
    Completed,
    Rejected,
}
