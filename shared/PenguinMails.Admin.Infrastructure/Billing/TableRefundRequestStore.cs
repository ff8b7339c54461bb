using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// Refund requests: one "refund" row each (the request as JSON, plus its status as a column to query by), and a
/// "charge" row per duplicate charge pointing at the request that refunds it.
/// </summary>
public sealed class TableRefundRequestStore(StorageClients storage) : IRefundRequestStore
{
    public const string TableName = "RefundRequests";
    private const string RefundPartition = "refund";
    private const string ChargePartition = "charge";
    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<RefundRequest>> CreateAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        var response = await Table.AddEntityAsync(ToEntity(request), cancellationToken);
        return new Versioned<RefundRequest>(request, response.Headers.ETag.ToString()!);
    }

    public async Task<Versioned<RefundRequest>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(RefundPartition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToVersioned(row.Value!) : null;
    }

    public async Task<Versioned<RefundRequest>> UpdateAsync(RefundRequest request, string etag, CancellationToken cancellationToken = default)
    {
        var response = await TableErrors.GuardAsync(() => Table.UpdateEntityAsync(ToEntity(request), new ETag(etag), TableUpdateMode.Replace,
            cancellationToken));
        if (request.DuplicateChargeId is { } chargeId)
        {
            await Table.UpsertEntityAsync(new TableEntity(ChargePartition, chargeId) { ["RefundId"] = request.Id }, TableUpdateMode.Replace,
                cancellationToken);
        }
        return new Versioned<RefundRequest>(request, response.Headers.ETag.ToString()!);
    }

    public async Task<Versioned<RefundRequest>?> FindByChargeAsync(string chargeId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(ChargePartition, chargeId, cancellationToken: cancellationToken);
        return row.HasValue ? await GetAsync(row.Value!.GetString("RefundId"), cancellationToken) : null;
    }

    public async IAsyncEnumerable<Versioned<RefundRequest>> ListAwaitingAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var awaiting = nameof(RefundRequestStatus.AwaitingRefund);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RefundPartition} and Status eq {awaiting}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToVersioned(row);
        }
    }

    private static TableEntity ToEntity(RefundRequest r) => new(RefundPartition, r.Id)
    {
        ["Status"] = r.Status.ToString(),
        ["TenantId"] = r.TenantId,
        ["Data"] = JsonSerializer.Serialize(r, JsonSerializerOptions.Web),
    };

    private static Versioned<RefundRequest> ToVersioned(TableEntity e) => new(
        JsonSerializer.Deserialize<RefundRequest>(e.GetString("Data"), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Refund request {e.RowKey} is unreadable."),
        e.ETag.ToString());
}
