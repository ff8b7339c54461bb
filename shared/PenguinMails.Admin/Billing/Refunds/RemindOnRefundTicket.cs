using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>After 3 days without Stripe's confirmation: a reminder on the ticket (once per run of the request).</summary>
public sealed class RemindOnRefundTicket(IFinanceTicketDesk desk) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var (ticket, verified) = RefundProgress.Require(context);
        await desk.UpdateAsync(context.Actor, ticket.TicketId, new FinanceTicketUpdate(Note:
            $"Reminder (run {context.Execution}): Stripe has not confirmed the refund of {verified.DuplicateChargeId} after "
            + $"{RefundWorkflow.RemindAfter.TotalDays:0} days."), cancellationToken);
        return null;
    }
}
