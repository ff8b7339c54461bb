using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Disputes;

/// <summary>
/// Opens the dispute's "Billing Dispute" ticket from the dispute as Stripe has it now (reason, amount, evidence due
/// date, and a status to match), so updates that arrived before this step ran are not lost.
/// </summary>
public sealed class OpenDisputeTicket(IStripeBilling stripe, IFinanceTicketDesk desk) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<DisputeInput>();
        var dispute = await stripe.GetDisputeAsync(input.DisputeId, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe has no dispute {input.DisputeId} yet; retrying.");
        var due = dispute.EvidenceDueBy is { } at ? $" Evidence is due by {at:u}." : "";
        var ticket = await desk.OpenAsync(context.Actor, new NewFinanceTicket(NewFinanceTicket.BillingDispute, input.TenantId,
            $"Billing Dispute: Stripe dispute {dispute.Id} ({dispute.Reason})",
            $"Stripe dispute {dispute.Id} on charge {dispute.ChargeId}: {dispute.Reason}, {dispute.Amount} {dispute.Currency}.{due}",
            "billing-dispute-ticket:" + context.InstanceId, WorkflowId: context.InstanceId), cancellationToken);
        ticket = await desk.UpdateAsync(context.Actor, ticket.Id, new FinanceTicketUpdate(DisputeService.TicketStatusOf(dispute.Status)),
            cancellationToken);
        return new DisputeTicket(ticket.Id, ticket.Key);
    }
}
