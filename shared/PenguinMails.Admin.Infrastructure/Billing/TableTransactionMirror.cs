using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>The transaction mirror: one partition per tenant, one row per Stripe invoice or charge id.</summary>
public sealed class TableTransactionMirror(StorageClients storage, TablePaging paging) : ITransactionMirror
{
    public const string TableName = "BillingTransactions";
    private TableClient Table => storage.Table(TableName);

    public async Task<bool> UpsertAsync(Transaction transaction, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(transaction.TenantId, transaction.Id, cancellationToken) == transaction)
        {
            return false;
        }
        await Table.UpsertEntityAsync(ToEntity(transaction), TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task<Transaction?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToTransaction(row.Value!) : null;
    }

    public async Task<Page<Transaction>> ListAsync(string tenantId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var rows = await paging.QueryAsync<TableEntity>(Table, TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), page, "transactions",
            cancellationToken);
        return rows.Map(ToTransaction);
    }

    public async IAsyncEnumerable<Transaction> AllAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == tenantId, cancellationToken: cancellationToken))
        {
            yield return ToTransaction(row);
        }
    }

    private static TableEntity ToEntity(Transaction t) => new(t.TenantId, t.Id)
    {
        ["Kind"] = t.Kind.ToString(),
        ["CustomerId"] = t.CustomerId,
        ["Amount"] = t.Amount,
        ["AmountRefunded"] = t.AmountRefunded,
        ["Currency"] = t.Currency,
        ["Status"] = t.Status,
        ["Created"] = t.Created,
        ["Livemode"] = t.Livemode,
    };

    private static Transaction ToTransaction(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        Enum.Parse<TransactionKind>(e.GetString("Kind")),
        e.GetString("CustomerId"),
        e.GetInt64("Amount") ?? 0,
        e.GetInt64("AmountRefunded") ?? 0,
        e.GetString("Currency"),
        e.GetString("Status"),
        e.GetDateTimeOffset("Created") ?? DateTimeOffset.MinValue,
        e.GetBoolean("Livemode") ?? false);
}
