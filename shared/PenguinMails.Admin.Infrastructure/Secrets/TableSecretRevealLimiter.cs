using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>
/// Counts reveals per staff member in fixed windows, in Table storage so every instance shares the count.
/// Increments use the row's ETag, so concurrent reveals can't both take the last slot.
/// </summary>
public sealed class TableSecretRevealLimiter(StorageClients storage, SecretRevealLimits limits, TimeProvider time) : ISecretRevealLimiter
{
    public const string TableName = "SecretRevealLimits";
    private TableClient Table => storage.Table(TableName);

    public async Task<TimeSpan?> AcquireAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var window = limits.RevealWindow.Ticks;
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window, TimeSpan.Zero);
        var rowKey = start.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        // Another reveal by the same person that takes this count makes us read it again.
        return await OptimisticConcurrency.RetryAsync<TimeSpan?>(async ct =>
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(staffId, rowKey, cancellationToken: ct);
            var count = row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
            if (count >= limits.RevealLimit)
            {
                return start + limits.RevealWindow - now;
            }
            if (row.HasValue)
            {
                row.Value!["Count"] = count + 1;
                await Table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, ct);
            }
            else
            {
                await Table.AddEntityAsync(new TableEntity(staffId, rowKey) { ["Count"] = 1 }, ct);
            }
            return null;
        }, TableConcurrency.IsStale, "Too many reveals by this person at once; try again.", cancellationToken);
    }
}
