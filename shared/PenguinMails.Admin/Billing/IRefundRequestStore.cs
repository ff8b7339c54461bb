using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Billing;

/// <summary>Refund requests with ETag concurrency, findable by the duplicate charge they refund.</summary>
public interface IRefundRequestStore
{
    Task<Versioned<RefundRequest>> CreateAsync(RefundRequest request, CancellationToken cancellationToken = default);

    Task<Versioned<RefundRequest>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the request if <paramref name="etag"/> still matches (412 otherwise); keeps the charge index current.</summary>
    Task<Versioned<RefundRequest>> UpdateAsync(RefundRequest request, string etag, CancellationToken cancellationToken = default);

    /// <summary>The latest request that refunds <paramref name="chargeId"/>, in any status.</summary>
    Task<Versioned<RefundRequest>?> FindByChargeAsync(string chargeId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Versioned<RefundRequest>> ListAwaitingAsync(CancellationToken cancellationToken = default);
}
