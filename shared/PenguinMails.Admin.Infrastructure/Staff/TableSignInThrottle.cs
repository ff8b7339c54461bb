using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Infrastructure.Staff;

/// <summary>
/// Failed sign-ins per key in fixed 15-minute windows, shared by every instance through Table storage.
/// Keys are hashed so emails and IPs don't sit in plain text in the throttle table.
/// </summary>
public sealed class TableSignInThrottle(StorageClients storage, TimeProvider time) : ISignInThrottle
{
    public const string TableName = "SignInThrottle";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private TableClient Table => storage.Table(TableName);

    public async Task<TimeSpan?> RetryAfterAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var (windowStart, rowKey) = CurrentWindow();
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Hash(key), rowKey, cancellationToken: cancellationToken);
        var failures = row.HasValue ? row.Value!.GetInt32("Failures") ?? 0 : 0;
        return failures >= limit ? windowStart + Window - time.GetUtcNow() : null;
    }

    public async Task RecordFailureAsync(string key, CancellationToken cancellationToken = default)
    {
        var (_, rowKey) = CurrentWindow();
        var partition = Hash(key);
        // A concurrent failure that wins the race makes us count again on the fresh row.
        await OptimisticConcurrency.RetryAsync(async ct =>
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct);
            if (row.HasValue)
            {
                row.Value!["Failures"] = (row.Value.GetInt32("Failures") ?? 0) + 1;
                return await Table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, ct);
            }
            return await Table.AddEntityAsync(new TableEntity(partition, rowKey) { ["Failures"] = 1 }, ct);
        }, TableConcurrency.IsStale, "Too many sign-in failures are being counted at once; try again.", cancellationToken);
    }

    public async Task ResetAsync(string key, CancellationToken cancellationToken = default)
    {
        var (_, rowKey) = CurrentWindow();
        await Table.DeleteEntityAsync(Hash(key), rowKey, ETag.All, cancellationToken);
    }

    private (DateTimeOffset Start, string RowKey) CurrentWindow()
    {
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Window.Ticks, TimeSpan.Zero);
        return (start, start.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
