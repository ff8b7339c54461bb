using System.Security.Cryptography;
using System.Text;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Disputes;

/// <summary>
/// A Stripe dispute (chargeback) on a tenant's charge: open a "Billing Dispute" ticket on the finance queue → wait
/// while Stripe's <c>charge.dispute.*</c> updates keep the ticket's status current, until the dispute closes
/// (<see cref="DisputeClosed"/>, won or lost) → close the ticket with the outcome. One instance per Stripe dispute.
/// </summary>
public static class BillingDisputeWorkflow
{
    public const string Type = "billing-dispute";
    public const string DisputeClosed = "DisputeClosed";
    public const string AwaitDisputeClosed = "AwaitDisputeClosed";

    public static WorkflowDefinition Definition { get; } = new(Type,
        [nameof(OpenDisputeTicket), AwaitDisputeClosed, nameof(CloseDisputeTicket)], Permissions.FinanceRead);

    /// <summary><c>billing-dispute-{disputeId}</c>; a dispute id that can't appear in an instance id is hashed.</summary>
    public static string InstanceId(string disputeId)
    {
        var plain = $"{Type}-{disputeId}";
        return WorkflowNames.IsValidInstanceId(plain)
            ? plain
            : $"{Type}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(disputeId)))[..32]}";
    }

    /// <summary>Won, lost, closed or prevented: Stripe will not change the dispute again.</summary>
    public static bool IsClosed(string stripeStatus) => stripeStatus is not ("needs_response" or "warning_needs_response" or "under_review"
        or "warning_under_review");
}
