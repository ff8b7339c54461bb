using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// Starts refund requests (POST /finance/refunds) as <see cref="RefundWorkflow"/> instances and reads them back. One
/// request per tenant and invoice: asking again while it runs, or after it completed (refunded or rejected), answers
/// with the existing one; only a failed or terminated request starts again.
/// </summary>
public sealed class RefundRequestService(ITenantBillingDirectory directory, IWorkflowClient workflows, IAuditLog audit)
{
    public async Task<WorkflowStart> StartAsync(Actor actor, string? tenantId, string? invoiceId, string? reason,
        CancellationToken cancellationToken = default)
    {
        new Validator().Require("tenantId", tenantId).Require("invoiceId", invoiceId, 255).Require("reason", reason, Reason.MaxLength)
            .ThrowIfInvalid();
        var account = await directory.GetAsync(tenantId!, cancellationToken) ?? throw AdminException.NotFound("Tenant billing account", tenantId!);
        var invoice = invoiceId!.Trim();
        var id = RefundWorkflow.InstanceId(account.TenantId, invoice);
        if (await workflows.FindAsync(id, cancellationToken) is { Status: WorkflowRuntimeStatus.Completed })
        {
            return new WorkflowStart(id, false);
        }
        var why = reason!.Trim();
        var start = await workflows.StartAsync(actor, RefundWorkflow.Type, id, new RefundInput(account.TenantId, invoice, why, actor.Email), why,
            cancellationToken);
        if (start.Created)
        {
            await audit.AppendAsync(new AuditEntry(actor, "finance.refund.request", "refund", id,
                After: AuditEntry.Snapshot(new { account.TenantId, InvoiceId = invoice }), Reason: why), cancellationToken);
        }
        return start;
    }

    /// <summary>The request, or 404 when <paramref name="id"/> is not a refund request.</summary>
    public async Task<RefundRequest> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var instance = await workflows.FindAsync(id, cancellationToken);
        if (instance?.Type != RefundWorkflow.Type)
        {
            throw AdminException.NotFound("Refund request", id);
        }
        return RefundRequest.From(await workflows.GetAsync(id, cancellationToken));
    }
}
