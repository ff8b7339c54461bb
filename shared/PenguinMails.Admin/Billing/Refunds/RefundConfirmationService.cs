using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Tickets;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// What Stripe's refund events do to refund requests. A succeeded refund of the duplicate charge raises
/// <see cref="RefundWorkflow.RefundConfirmed"/> on the request waiting for it. A failed refund re-opens the request's
/// ticket; if the request had already completed, it runs again on the same ticket, so the wait, the reminder and the
/// escalation start over.
/// </summary>
public sealed class RefundConfirmationService(IRefundChargeIndex charges, IWorkflowClient workflows, IFinanceTicketDesk desk, IAuditLog audit)
{
    /// <summary>Returns the id of the request that was woken, or null when no running request waits on that charge.</summary>
    public async Task<string?> ConfirmAsync(string chargeId, string reference, string stripeEventId, CancellationToken cancellationToken = default)
    {
        var instance = await FindAsync(chargeId, cancellationToken);
        // charge.refunded and refund.updated both report one refund: the first wakes the request, the second finds it awake.
        if (instance is null || instance.IsTerminal || RefundProgress.Of(instance).Confirmed)
        {
            return null;
        }
        var payload = JsonSerializer.SerializeToElement(new RefundConfirmation(chargeId, reference, stripeEventId), JsonSerializerOptions.Web);
        try
        {
            await workflows.RaiseEventAsync(BillingActors.Stripe(stripeEventId), instance.Id, RefundWorkflow.RefundConfirmed, payload, cancellationToken);
        }
        catch (AdminException e) when (e.Code == "workflow_finished")
        {
            return null; // it finished between the read and the raise
        }
        return instance.Id;
    }

    /// <summary>Re-opens the ticket of the request refunding <paramref name="chargeId"/>; returns its id, or null when there is none.</summary>
    public async Task<string?> RefundFailedAsync(string chargeId, string refundId, string? failureReason, string stripeEventId,
        CancellationToken cancellationToken = default)
    {
        var instance = await FindAsync(chargeId, cancellationToken);
        if (instance is null || RefundProgress.Of(instance).Ticket is not { } ticket)
        {
            return null;
        }
        var stripe = BillingActors.Stripe(stripeEventId);
        await desk.UpdateAsync(stripe, ticket.TicketId, new FinanceTicketUpdate(TicketStatus.Open,
            Note: $"Stripe refund {refundId} of {chargeId} failed ({failureReason ?? "no reason given"}; Stripe event {stripeEventId}); re-opened."),
            cancellationToken);
        if (instance.Status == WorkflowRuntimeStatus.Completed && instance.Input is { } input)
        {
            await workflows.StartAsync(stripe, RefundWorkflow.Type, instance.Id, input, $"Stripe refund {refundId} failed", cancellationToken);
        }
        await audit.AppendAsync(new AuditEntry(stripe, "finance.refund.failed", "refund", instance.Id,
            AuditEntry.Snapshot(new { Status = instance.Status.ToString() }), AuditEntry.Snapshot(new { TicketStatus = nameof(TicketStatus.Open) }),
            $"Stripe event {stripeEventId}: refund {refundId} failed"), cancellationToken);
        return instance.Id;
    }

    private async Task<WorkflowInstance?> FindAsync(string chargeId, CancellationToken cancellationToken) =>
        await charges.FindAsync(chargeId, cancellationToken) is { } id ? await workflows.FindAsync(id, cancellationToken) : null;
}
