using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// Opens the "Refund Request" ticket on the finance queue with the invoice, the reason "Duplicate Charge" and the
/// charge to refund in Stripe. One ticket per request, across executions: when a refund fails in Stripe and the
/// request runs again, it is worked on the same (re-opened) ticket.
/// </summary>
public sealed class OpenRefundTicket(IFinanceTicketDesk desk) : IWorkflowActivity
{
    public const string Reason = "Duplicate Charge";

    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<RefundInput>();
        var verified = context.GetOutput<RefundVerification>(nameof(VerifyDuplicateCharge))
            ?? throw new InvalidOperationException($"Refund {context.InstanceId} has no verification.");
        var description = $"Invoice: {input.InvoiceId}. Reason: {Reason}. Refund charge {verified.DuplicateChargeId} "
            + $"({verified.Amount} {verified.Currency}) in Stripe; the original payment is {verified.OriginalChargeId}. "
            + $"{verified.Explanation} Requested by {input.RequestedBy}: {input.Reason}";
        var ticket = await desk.OpenAsync(context.Actor, new NewFinanceTicket(NewFinanceTicket.RefundRequest, input.TenantId,
            $"Refund Request: invoice {input.InvoiceId} ({Reason})", description, "refund-ticket:" + context.InstanceId, input.InvoiceId,
            context.InstanceId), cancellationToken);
        return new RefundTicket(ticket.Id, ticket.Key);
    }
}
