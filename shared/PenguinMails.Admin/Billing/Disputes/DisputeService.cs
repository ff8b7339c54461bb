using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tickets;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Disputes;

/// <summary>
/// Billing disputes. Staff open one for a tenant (POST /finance/disputes: a "Billing Dispute" ticket, e.g. for a legal
/// dispute that finance then handles in Stripe). Stripe's own disputes run as <see cref="BillingDisputeWorkflow"/>
/// instances: the first event starts one, later events keep its ticket's status current, and the closing event ends it.
/// </summary>
public sealed class DisputeService(ITenantBillingDirectory directory, IFinanceTicketDesk desk, IWorkflowClient workflows, IAuditLog audit)
{
    public async Task<Ticket> OpenAsync(Actor actor, string? tenantId, string? reason, CancellationToken cancellationToken = default)
    {
        new Validator().Require("tenantId", tenantId).Require("reason", reason, Reason.MaxLength).ThrowIfInvalid();
        var account = await directory.GetAsync(tenantId!, cancellationToken) ?? throw AdminException.NotFound("Tenant billing account", tenantId!);
        var why = reason!.Trim();
        var ticket = await desk.OpenAsync(actor, new NewFinanceTicket(NewFinanceTicket.BillingDispute, account.TenantId,
            $"Billing Dispute: tenant {account.TenantId}", why, "dispute-request:" + Guid.NewGuid().ToString("N")), cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "finance.dispute.open", "ticket", ticket.Id,
            After: AuditEntry.Snapshot(new { ticket.Type, ticket.Queue, ticket.TenantId }), Reason: why), cancellationToken);
        return ticket;
    }

    /// <summary>Applies a Stripe dispute, as Stripe has it now, to its workflow; returns what was done.</summary>
    public async Task<string> ApplyStripeDisputeAsync(StripeDispute dispute, string tenantId, string stripeEventId,
        CancellationToken cancellationToken = default)
    {
        var id = BillingDisputeWorkflow.InstanceId(dispute.Id);
        var stripe = BillingActors.Stripe(stripeEventId);
        var instance = await workflows.FindAsync(id, cancellationToken);
        var started = false;
        if (instance is null or { Status: WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated })
        {
            started = (await workflows.StartAsync(stripe, BillingDisputeWorkflow.Type, id, new DisputeInput(tenantId, dispute.Id, dispute.ChargeId),
                $"Stripe event {stripeEventId}", cancellationToken)).Created;
            instance = await workflows.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Workflow {id} vanished.");
        }
        if (BillingDisputeWorkflow.IsClosed(dispute.Status))
        {
            return await CloseAsync(instance, dispute, stripe, stripeEventId, cancellationToken);
        }
        if (instance.StepOutputs.TryGetValue(nameof(OpenDisputeTicket), out var output)
            && output.Deserialize<DisputeTicket>(JsonSerializerOptions.Web) is { } opened)
        {
            return await UpdateTicketAsync(opened.TicketId, dispute, stripe, stripeEventId, cancellationToken);
        }
        if (instance.CurrentStep == nameof(OpenDisputeTicket))
        {
            // The ticket is being opened from what Stripe said a moment ago, maybe before this change: apply it after.
            throw new InvalidOperationException($"The ticket of dispute {dispute.Id} is being opened; retrying.");
        }
        return $"Dispute {dispute.Id} is {dispute.Status}; workflow {id} {(started ? "started" : "is starting")} and opens its ticket from Stripe.";
    }

    /// <summary>Needs a response: open. Under review: in progress. Won, lost, closed or prevented: resolved.</summary>
    public static TicketStatus TicketStatusOf(string stripeStatus) => stripeStatus switch
    {
        "needs_response" or "warning_needs_response" => TicketStatus.Open,
        "under_review" or "warning_under_review" => TicketStatus.InProgress,
        _ => TicketStatus.Resolved,
    };

    private async Task<string> UpdateTicketAsync(string ticketId, StripeDispute dispute, Actor stripe, string stripeEventId,
        CancellationToken cancellationToken)
    {
        var before = await desk.FindAsync(ticketId, cancellationToken) ?? throw AdminException.NotFound("Ticket", ticketId);
        var due = dispute.EvidenceDueBy is { } at ? $", evidence due by {at:u}" : "";
        var after = await desk.UpdateAsync(stripe, ticketId, new FinanceTicketUpdate(TicketStatusOf(dispute.Status),
            Note: $"Stripe dispute status: {dispute.Status}{due} (Stripe event {stripeEventId})."), cancellationToken);
        if (after.Status != before.Status)
        {
            await audit.AppendAsync(new AuditEntry(stripe, "finance.dispute.update", "ticket", ticketId, AuditEntry.Snapshot(new { before.Status }),
                AuditEntry.Snapshot(new { after.Status, StripeStatus = dispute.Status }), $"Stripe event {stripeEventId}"), cancellationToken);
        }
        return $"Dispute {dispute.Id} is {dispute.Status}; ticket {ticketId} is {after.Status}.";
    }

    private async Task<string> CloseAsync(WorkflowInstance instance, StripeDispute dispute, Actor stripe, string stripeEventId,
        CancellationToken cancellationToken)
    {
        if (instance.IsTerminal || instance.StepOutputs.ContainsKey(BillingDisputeWorkflow.AwaitDisputeClosed))
        {
            return $"Dispute {dispute.Id} is {dispute.Status}; workflow {instance.Id} already knows it closed.";
        }
        var payload = JsonSerializer.SerializeToElement(new DisputeClosure(dispute.Status, stripeEventId), JsonSerializerOptions.Web);
        try
        {
            await workflows.RaiseEventAsync(stripe, instance.Id, BillingDisputeWorkflow.DisputeClosed, payload, cancellationToken);
        }
        catch (AdminException e) when (e.Code == "workflow_finished")
        {
            return $"Dispute {dispute.Id} is {dispute.Status}; workflow {instance.Id} had already finished.";
        }
        return $"Dispute {dispute.Id} is {dispute.Status}; {BillingDisputeWorkflow.DisputeClosed} raised on workflow {instance.Id}.";
    }
}
