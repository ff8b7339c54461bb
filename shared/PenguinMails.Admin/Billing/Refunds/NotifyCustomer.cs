using PenguinMails.Admin.Tickets;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// The last step: the customer is to be told their refund is done. Customer messages are support's, so it is recorded
/// as a "Customer Notification" ticket on the support queue, due from now (one per run, by the step's idempotency key).
/// </summary>
public sealed class NotifyCustomer(TicketService tickets) : IWorkflowActivity
{
    public const string TicketType = "Customer Notification";

    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<RefundInput>();
        var (ticket, verified) = RefundProgress.Require(context);
        var confirmation = RefundProgress.ConfirmationOf(context);
        var description = $"Tell tenant {input.TenantId} that the duplicate charge {verified.DuplicateChargeId} "
            + $"({verified.Amount} {verified.Currency}) on invoice {input.InvoiceId} was refunded"
            + (confirmation?.Reference is { } reference ? $" ({reference})." : ".") + $" Finance ticket: {ticket.TicketKey ?? ticket.TicketId}.";
        var notification = await tickets.CreateAsync(context.Actor, new NewTicket(TicketQueues.Support, TicketType,
            $"Notify tenant {input.TenantId}: refund of invoice {input.InvoiceId} done", description, context.IdempotencyKey,
            TenantId: input.TenantId, InvoiceId: input.InvoiceId, WorkflowId: context.InstanceId), cancellationToken);
        return new CustomerNotification(notification.Value.Id, notification.Value.Key, notification.Value.CreatedAt);
    }
}
