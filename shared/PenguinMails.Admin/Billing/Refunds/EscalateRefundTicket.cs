using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>After 7 days without Stripe's confirmation: the ticket is escalated (high priority, with a note).</summary>
public sealed class EscalateRefundTicket(IFinanceTicketDesk desk) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var (ticket, verified) = RefundProgress.Require(context);
        await desk.UpdateAsync(context.Actor, ticket.TicketId, new FinanceTicketUpdate(Escalated: true, Note:
            $"Escalated (run {context.Execution}): Stripe has not confirmed the refund of {verified.DuplicateChargeId} after "
            + $"{RefundWorkflow.EscalateAfter.TotalDays:0} days."), cancellationToken);
        return null;
    }
}
