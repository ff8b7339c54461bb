using PenguinMails.Admin.Tickets;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Disputes;

/// <summary>Stripe closed the dispute: the ticket is resolved with the outcome (won, lost, ...), which is also the step's output.</summary>
public sealed class CloseDisputeTicket(IFinanceTicketDesk desk) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<DisputeInput>();
        var ticket = context.GetOutput<DisputeTicket>(nameof(OpenDisputeTicket))
            ?? throw new InvalidOperationException($"Dispute workflow {context.InstanceId} has no ticket.");
        var closure = ReadClosure(context);
        var outcome = closure?.Status ?? "closed";
        await desk.UpdateAsync(context.Actor, ticket.TicketId, new FinanceTicketUpdate(TicketStatus.Resolved,
            Note: $"Stripe dispute {input.DisputeId} is closed: {outcome}" + (closure?.StripeEventId is { } e ? $" (Stripe event {e})." : ".")),
            cancellationToken);
        return new DisputeClosure(outcome, closure?.StripeEventId);
    }

    /// <summary>The event's payload; raised by hand it may carry anything, which reads as no details.</summary>
    private static DisputeClosure? ReadClosure(WorkflowActivityContext context)
    {
        try
        {
            return context.GetOutput<DisputeClosure>(BillingDisputeWorkflow.AwaitDisputeClosed);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
