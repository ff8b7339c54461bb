using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Billing disputes: a staff member opens one for a tenant, and Stripe's dispute (chargeback) events keep a ticket per
/// Stripe dispute current, with its status and evidence due date.
/// </summary>
public sealed class DisputeService(ITenantBillingDirectory directory, IFinanceTicketDesk desk, IAuditLog audit)
{
    public async Task<FinanceTicket> OpenAsync(Actor actor, string? tenantId, string? reason, CancellationToken cancellationToken = default)
    {
        new Validator().Require("tenantId", tenantId).Require("reason", reason, Reason.MaxLength).ThrowIfInvalid();
        var account = await directory.GetAsync(tenantId!, cancellationToken) ?? throw AdminException.NotFound("Tenant billing account", tenantId!);
        var ticket = await desk.OpenAsync(new NewFinanceTicket(FinanceTicket.BillingDisputeTitle, FinanceTicket.FinanceQueue, account.TenantId,
            "dispute-request:" + Guid.NewGuid().ToString("N"), reason!.Trim()), cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "finance.dispute.open", "ticket", ticket.Id,
            After: AuditEntry.Snapshot(new { ticket.Title, ticket.Queue, ticket.TenantId }), Reason: reason.Trim()), cancellationToken);
        return ticket;
    }

    /// <summary>Creates or updates the ticket for a Stripe dispute on one of the tenant's charges.</summary>
    public async Task<FinanceTicket> ApplyStripeDisputeAsync(StripeDispute dispute, string tenantId, string stripeEventId,
        CancellationToken cancellationToken = default)
    {
        var reference = "stripe-dispute:" + dispute.Id;
        var status = TicketStatusOf(dispute.Status);
        var existing = await desk.FindAsync(reference, cancellationToken);
        var ticket = existing ?? await desk.OpenAsync(new NewFinanceTicket(FinanceTicket.BillingDisputeTitle, FinanceTicket.FinanceQueue, tenantId,
            reference, $"Stripe dispute {dispute.Id} on charge {dispute.ChargeId}: {dispute.Reason}, {dispute.Amount} {dispute.Currency}.",
            dispute.EvidenceDueBy), cancellationToken);
        if (ticket.Status == status && ticket.DueAt == dispute.EvidenceDueBy && existing is not null)
        {
            return ticket;
        }
        var updated = await desk.UpdateAsync(ticket.Id, new FinanceTicketUpdate(status, dispute.EvidenceDueBy,
            Note: $"Stripe dispute status: {dispute.Status} ({stripeEventId})."), cancellationToken);
        await audit.AppendAsync(new AuditEntry(BillingActors.Stripe(), "finance.dispute.update", "ticket", ticket.Id,
            AuditEntry.Snapshot(new { Status = ticket.Status.ToString(), ticket.DueAt }),
            AuditEntry.Snapshot(new { Status = updated.Status.ToString(), updated.DueAt, StripeStatus = dispute.Status }),
            $"Stripe event {stripeEventId}"), cancellationToken);
        return updated;
    }

    /// <summary>Needs a response: open. Under review: in progress. Won, lost, closed or prevented: done.</summary>
    public static FinanceTicketStatus TicketStatusOf(string stripeStatus) => stripeStatus switch
    {
        "needs_response" or "warning_needs_response" => FinanceTicketStatus.Open,
        "under_review" or "warning_under_review" => FinanceTicketStatus.InProgress,
        _ => FinanceTicketStatus.Done,
    };
}
