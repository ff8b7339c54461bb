using Azure;
using Azure.Data.Tables;
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
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(staffId, rowKey, cancellationToken: cancellationToken);
            var count = row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
            if (count >= limits.RevealLimit)
            {
                return start + limits.RevealWindow - now;
            }
            try
            {
                if (row.HasValue)
                {
                    row.Value!["Count"] = count + 1;
                    await Table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(new TableEntity(staffId, rowKey) { ["Count"] = 1 }, cancellationToken);
                }
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another reveal by the same person took this count; read it again.
            }
        }
        return limits.RevealWindow;
    }
}
