using PenguinMails.Admin.Tickets;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>Stripe confirmed the refund: the ticket is marked done (resolved), noting the refund and that the customer is to be told.</summary>
public sealed class CloseRefundTicket(IFinanceTicketDesk desk) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var (ticket, verified) = RefundProgress.Require(context);
        var confirmation = RefundProgress.ConfirmationOf(context);
        var what = confirmation?.Reference is { } reference
            ? $"Stripe confirmed the refund of {confirmation.ChargeId ?? verified.DuplicateChargeId} ({reference}; Stripe event {confirmation.StripeEventId})."
            : $"The refund of {verified.DuplicateChargeId} was confirmed (RefundConfirmed raised without Stripe's details).";
        await desk.UpdateAsync(context.Actor, ticket.TicketId, new FinanceTicketUpdate(TicketStatus.Resolved,
            Note: $"{what} Customer notification is due for support."), cancellationToken);
        return confirmation ?? new RefundConfirmation(verified.DuplicateChargeId, null, null);
    }
}
