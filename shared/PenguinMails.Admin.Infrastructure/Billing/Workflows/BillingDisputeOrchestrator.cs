using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Infrastructure.Workflows;

namespace PenguinMails.Admin.Infrastructure.Billing.Workflows;

/// <summary>Billing dispute: open the ticket → wait for <see cref="BillingDisputeWorkflow.DisputeClosed"/> (no limit) → close the ticket.</summary>
public sealed class BillingDisputeOrchestrator(DurableWorkflowOptions options) : WorkflowOrchestrator(options)
{
    protected override string Type => BillingDisputeWorkflow.Type;

    protected override async Task RunStepsAsync(WorkflowSteps steps)
    {
        await steps.RunAsync<OpenDisputeTicket>();
        await steps.WaitAsync(BillingDisputeWorkflow.AwaitDisputeClosed, BillingDisputeWorkflow.DisputeClosed);
        await steps.RunAsync<CloseDisputeTicket>();
    }
}
