using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// The first steps of a refund request: verify the duplicate charge, then open the "Refund Request" ticket and start
/// waiting for Stripe. Safe to re-run: a request past verification is left alone and the ticket opens once.
/// </summary>
public sealed class RefundVerificationStep(
    IRefundRequestStore store, ITenantBillingDirectory directory, DuplicateChargeVerifier verifier, IFinanceTicketDesk desk, IAuditLog audit,
    TimeProvider time)
{
    public static readonly Actor Workflow = Actor.System("refund-workflow");

    public async Task<RefundRequest> RunAsync(string refundRequestId, CancellationToken cancellationToken = default)
    {
        var current = await store.GetAsync(refundRequestId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund request {refundRequestId} does not exist.");
        var request = current.Value;
        if (request.Status != RefundRequestStatus.Verifying)
        {
            return request;
        }
        var account = await directory.GetAsync(request.TenantId, cancellationToken);
        var check = account is null
            ? DuplicateChargeCheck.None($"Tenant {request.TenantId} has no Stripe customer.")
            : await verifier.VerifyAsync(account, request.InvoiceId, cancellationToken);
        if (!check.Found)
        {
            var rejected = request.With(new RefundStep("VerifyDuplicateCharge", time.GetUtcNow(), check.Explanation)) with
            {
                Status = RefundRequestStatus.Rejected, Outcome = check.Explanation,
            };
            await store.UpdateAsync(rejected, current.ETag, cancellationToken);
            await AuditAsync(request, "finance.refund.reject", rejected, check.Explanation, cancellationToken);
            return rejected;
        }
        var duplicate = check.Duplicate!;
        var ticket = await desk.OpenAsync(new NewFinanceTicket(FinanceTicket.RefundRequestTitle, FinanceTicket.FinanceQueue, request.TenantId,
            "refund:" + request.Id,
            $"Invoice: {request.InvoiceId}. Reason: {RefundRequest.TicketReason}. Refund charge {duplicate.Id} ({duplicate.Amount} {duplicate.Currency}) "
            + $"in Stripe; the original payment is {check.OriginalChargeId}. Requested: {request.Reason}"), cancellationToken);
        var now = time.GetUtcNow();
        var waiting = request.With(new RefundStep("VerifyDuplicateCharge", now, check.Explanation))
            .With(new RefundStep("CreateTicket", now, $"Ticket {ticket.Id} opened on the {ticket.Queue} queue.")) with
        {
            Status = RefundRequestStatus.AwaitingRefund, DuplicateChargeId = duplicate.Id, TicketId = ticket.Id, AwaitingSince = now,
        };
        await store.UpdateAsync(waiting, current.ETag, cancellationToken);
        await AuditAsync(request, "finance.refund.ticket", waiting, check.Explanation, cancellationToken);
        return waiting;
    }

    private Task AuditAsync(RefundRequest before, string action, RefundRequest after, string reason, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(Workflow, action, "refund", before.Id, AuditEntry.Snapshot(new { Status = before.Status.ToString() }),
            AuditEntry.Snapshot(new { Status = after.Status.ToString(), after.DuplicateChargeId, after.TicketId }), reason), cancellationToken);
}
