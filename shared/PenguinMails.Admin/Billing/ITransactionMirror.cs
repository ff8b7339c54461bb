using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Billing;

/// <summary>The local mirror of each tenant's Stripe invoices and charges.</summary>
public interface ITransactionMirror
{
    /// <summary>Inserts or replaces the record; returns false when it was already identical (so syncs are idempotent).</summary>
    Task<bool> UpsertAsync(Transaction transaction, CancellationToken cancellationToken = default);

    Task<Transaction?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default);

    Task<Page<Transaction>> ListAsync(string tenantId, PageRequest page, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Transaction> AllAsync(string tenantId, CancellationToken cancellationToken = default);
}
