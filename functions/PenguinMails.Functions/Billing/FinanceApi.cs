using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;
using PenguinMails.Functions.Tickets;
using PenguinMails.Functions.Workflows;

namespace PenguinMails.Functions.Billing;

/// <summary>Finance (Journey 6): billing from Stripe, the transaction mirror, reconciliation, sync, disputes and refunds.</summary>
public static class FinanceApi
{
    public static void MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/finance").WithTags("Finance");
        group.MapGet("/tenants/{tenantId}/billing", GetTenantBilling).WithName("GetTenantBilling").RequirePermission(Permissions.FinanceRead);
        group.MapGet("/transactions", ListTransactions).WithName("ListTransactions").RequirePermission(Permissions.FinanceRead);
        group.MapGet("/tenants/{tenantId}/reconcile", Reconcile).WithName("ReconcileTenantBilling").RequirePermission(Permissions.FinanceRead);
        group.MapPost("/tenants/{tenantId}/sync", Sync).WithName("SyncTenantBilling").RequirePermission(Permissions.FinanceManage);
        group.MapPost("/disputes", OpenDispute).WithName("OpenBillingDispute").RequirePermission(Permissions.FinanceManage);
        group.MapPost("/refunds", RequestRefund).WithName("RequestRefund").RequirePermission(Permissions.FinanceManage);
        group.MapGet("/refunds/{id}", GetRefund).WithName("GetRefundRequest").RequirePermission(Permissions.FinanceRead);
    }

    private static async Task<Ok<BillingResponse>> GetTenantBilling(string tenantId, FinanceService finance, CancellationToken cancellationToken) =>
        TypedResults.Ok(BillingResponse.From(await finance.GetBillingAsync(tenantId, cancellationToken)));

    private static async Task<Ok<Page<TransactionResponse>>> ListTransactions(string? tenantId, int? pageSize, string? cursor, FinanceService finance,
        CancellationToken cancellationToken)
    {
        var page = await finance.ListTransactionsAsync(tenantId, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(TransactionResponse.From));
    }

    private static async Task<Ok<ReconcileResponse>> Reconcile(string tenantId, FinanceService finance, IStripeBilling stripe,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ReconcileResponse.From(tenantId, await finance.ReconcileAsync(tenantId, cancellationToken), stripe.IsTestMode));

    private static async Task<Ok<SyncResult>> Sync(string tenantId, SyncRequest? request, FinanceService finance, Actor actor,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await finance.SyncAsync(actor, tenantId, request?.Reason, cancellationToken));

    private static async Task<Created<TicketResponse>> OpenDispute(DisputeRequest request, DisputeService disputes, Actor actor,
        CancellationToken cancellationToken)
    {
        var ticket = await disputes.OpenAsync(actor, request.TenantId, request.Reason, cancellationToken);
        return TypedResults.Created($"/api/tickets/{Uri.EscapeDataString(ticket.Id)}", TicketResponse.From(ticket));
    }

    /// <summary>202 for the refund workflow; asking again for the same tenant and invoice answers with the same workflow.</summary>
    private static async Task<Accepted<WorkflowAcceptedResponse>> RequestRefund(RefundRequestBody request, RefundRequestService refunds, Actor actor,
        CancellationToken cancellationToken) =>
        WorkflowAccepted.For(await refunds.StartAsync(actor, request.TenantId, request.InvoiceId, request.Reason, cancellationToken));

    private static async Task<Ok<RefundResponse>> GetRefund(string id, RefundRequestService refunds, CancellationToken cancellationToken) =>
        TypedResults.Ok(RefundResponse.From(await refunds.GetAsync(id, cancellationToken)));
}
