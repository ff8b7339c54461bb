using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// The first step: is there a duplicate charge for the invoice, in Stripe and our mirror? None (or not the tenant's
/// invoice) ends the request as rejected, with the reason as its custom status and output; a duplicate is recorded in
/// the charge index so Stripe's refund events find this request. Re-running it reads the same facts again.
/// </summary>
public sealed class VerifyDuplicateCharge(ITenantBillingDirectory directory, DuplicateChargeVerifier verifier, IRefundChargeIndex charges,
    IAuditLog audit) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<RefundInput>();
        var account = await directory.GetAsync(input.TenantId, cancellationToken);
        var check = account is null
            ? DuplicateChargeCheck.None($"Tenant {input.TenantId} has no Stripe customer.")
            : await verifier.VerifyAsync(account, input.InvoiceId, cancellationToken);
        if (!check.Found)
        {
            await audit.AppendOnceAsync(new AuditEntry(context.Actor, AuditActions.FinanceRefundReject, "refund", context.InstanceId,
                After: AuditEntry.Snapshot(new { input.TenantId, input.InvoiceId }), Reason: check.Explanation), context.CreatedTime, cancellationToken);
            return new CompleteEarly(new RefundVerification(false, check.Explanation), "Rejected: " + check.Explanation);
        }
        var duplicate = check.Duplicate!;
        await charges.LinkAsync(duplicate.Id, context.InstanceId, cancellationToken);
        return new RefundVerification(true, check.Explanation, duplicate.Id, check.OriginalChargeId, duplicate.Amount, duplicate.Currency);
    }
}
