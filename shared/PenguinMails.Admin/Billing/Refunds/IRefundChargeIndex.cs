namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// Which refund request refunds a duplicate charge. Stripe's refund events name the charge; this finds the workflow
/// instance to wake. The verification step writes it.
/// </summary>
public interface IRefundChargeIndex
{
    /// <summary>Records that <paramref name="workflowId"/> refunds <paramref name="chargeId"/> (the latest request wins).</summary>
    Task LinkAsync(string chargeId, string workflowId, CancellationToken cancellationToken = default);

    /// <summary>The refund request's workflow id, or null when no request refunds that charge.</summary>
    Task<string?> FindAsync(string chargeId, CancellationToken cancellationToken = default);
}
