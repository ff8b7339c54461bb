using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Infrastructure.Workflows;

namespace PenguinMails.Admin.Infrastructure.Billing.Workflows;

/// <summary>
/// Refund request: verify → ticket → wait for <see cref="RefundWorkflow.RefundConfirmed"/>; a durable timer adds a
/// reminder after 3 days and escalates after 7, and the wait then goes on without limit → close the ticket → notify.
/// No duplicate charge ends it at once as "Rejected: …".
/// </summary>
public sealed class RefundRequestOrchestrator(DurableWorkflowOptions options, RefundDeadlines deadlines) : WorkflowOrchestrator(options)
{
    protected override string Type => RefundWorkflow.Type;

    protected override async Task RunStepsAsync(WorkflowSteps steps)
    {
        if (!await steps.RunAsync<VerifyDuplicateCharge>())
        {
            return;
        }
        await steps.RunAsync<OpenRefundTicket>();
        if (!await steps.WaitAsync(RefundWorkflow.AwaitRefund, RefundWorkflow.RefundConfirmed, deadlines.RemindAfter))
        {
            await steps.RunAsync<RemindOnRefundTicket>();
            if (!await steps.WaitAsync(RefundWorkflow.AwaitRefundAfterReminder, RefundWorkflow.RefundConfirmed,
                deadlines.EscalateAfter - deadlines.RemindAfter))
            {
                await steps.RunAsync<EscalateRefundTicket>();
                await steps.WaitAsync(RefundWorkflow.AwaitRefundAfterEscalation, RefundWorkflow.RefundConfirmed);
            }
        }
        await steps.RunAsync<CloseRefundTicket>();
        await steps.RunAsync<NotifyCustomer>();
    }
}
