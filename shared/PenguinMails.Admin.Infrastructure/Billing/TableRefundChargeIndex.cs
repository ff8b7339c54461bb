using Azure.Data.Tables;
using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>Table <c>RefundCharges</c>: one row per duplicate charge (partition = charge id) naming the refund request's workflow.</summary>
public sealed class TableRefundChargeIndex(StorageClients storage) : IRefundChargeIndex
{
    public const string TableName = "RefundCharges";
    private const string Row = "refund";
    private TableClient Table => storage.Table(TableName);

    public async Task LinkAsync(string chargeId, string workflowId, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(new TableEntity(chargeId, Row) { ["WorkflowId"] = workflowId }, TableUpdateMode.Replace,
            cancellationToken);

    public async Task<string?> FindAsync(string chargeId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(chargeId, Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("WorkflowId") : null;
    }
}
