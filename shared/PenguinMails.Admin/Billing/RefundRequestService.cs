using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Billing;

/// <summary>Starts refund requests (POST /finance/refunds) and reads them back.</summary>
public sealed class RefundRequestService(
    ITenantBillingDirectory directory, IRefundRequestStore store, IRefundWorkflowStarter workflows, IAuditLog audit, TimeProvider time)
{
    public async Task<RefundRequest> StartAsync(Actor actor, string? tenantId, string? invoiceId, string? reason,
        CancellationToken cancellationToken = default)
    {
        new Validator().Require("tenantId", tenantId).Require("invoiceId", invoiceId, 255).Require("reason", reason, Reason.MaxLength)
            .ThrowIfInvalid();
        var account = await directory.GetAsync(tenantId!, cancellationToken) ?? throw AdminException.NotFound("Tenant billing account", tenantId!);
        var now = time.GetUtcNow();
        var request = new RefundRequest(Guid.NewGuid().ToString("N"), account.TenantId, invoiceId!.Trim(), reason!.Trim(), actor.Id,
            RefundRequestStatus.Verifying, null, null, null, now, now, null, null, null, null, null,
            [new RefundStep("Requested", now, $"Refund of a duplicate charge on invoice {invoiceId.Trim()} requested by {actor.Email}.")]);
        await store.CreateAsync(request, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "finance.refund.request", "refund", request.Id,
            After: AuditEntry.Snapshot(new { request.TenantId, request.InvoiceId }), Reason: request.Reason), cancellationToken);
        await workflows.StartAsync(request.Id, cancellationToken);
        return request;
    }

    public async Task<RefundRequest> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await store.GetAsync(id, cancellationToken))?.Value ?? throw AdminException.NotFound("Refund request", id);
}
