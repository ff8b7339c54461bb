using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// The refund request of Journey 6: verify the duplicate charge → open a "Refund Request" ticket → wait for Stripe's
/// refund confirmation (<see cref="RefundConfirmed"/>, raised by the webhook), adding a reminder to the ticket after
/// 3 days and escalating it after 7 → mark the ticket done → record the customer notification as due for support.
/// One instance per tenant and invoice, so asking twice finds the first.
/// </summary>
public static partial class RefundWorkflow
{
    public const string Type = "refund-request";
    public const string RefundConfirmed = "RefundConfirmed";
    public const string AwaitRefund = "AwaitRefund";
    public const string AwaitRefundAfterReminder = "AwaitRefundAfterReminder";
    public const string AwaitRefundAfterEscalation = "AwaitRefundAfterEscalation";

    public static readonly TimeSpan RemindAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan EscalateAfter = TimeSpan.FromDays(7);

    /// <summary>The wait steps, any of which may receive the confirmation.</summary>
    public static IReadOnlyList<string> WaitSteps { get; } = [AwaitRefund, AwaitRefundAfterReminder, AwaitRefundAfterEscalation];

    public static WorkflowDefinition Definition { get; } = new(Type,
    [
        nameof(VerifyDuplicateCharge), nameof(OpenRefundTicket), AwaitRefund, nameof(RemindOnRefundTicket), AwaitRefundAfterReminder,
        nameof(EscalateRefundTicket), AwaitRefundAfterEscalation, nameof(CloseRefundTicket), nameof(NotifyCustomer),
    ], Permissions.FinanceRead);

    /// <summary>
    /// <c>refund-{invoiceId}-{hash}</c>, the hash covering tenant and invoice (so another tenant naming the same invoice
    /// gets its own instance); an invoice id that can't appear in an instance id leaves just the hash.
    /// </summary>
    public static string InstanceId(string tenantId, string invoiceId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "\n" + invoiceId)));
        return PlainInvoiceId().IsMatch(invoiceId) ? $"refund-{invoiceId}-{hash[..12]}" : $"refund-{hash[..32]}";
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,100}$")]
    private static partial Regex PlainInvoiceId();
}
