using System.Globalization;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>Every row of a set of tables (a missing table has none), each property with its CLR type and exact value, for before-and-after comparisons.</summary>
public static class TableSnapshot
{
    public static async Task<SortedDictionary<string, List<string>>> TakeAsync(StorageClients storage, IEnumerable<string> tables)
    {
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = new List<string>();
            try
            {
                await foreach (var row in storage.Table(table).QueryAsync<TableEntity>())
                {
                    rows.Add(string.Join(" | ", row.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => $"{p.Key}:{p.Value?.GetType().Name}={Format(p.Value)}")));
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // A table that doesn't exist holds no rows.
            }
            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = rows;
        }
        return snapshot;
    }

    public static int RowCount(SortedDictionary<string, List<string>> snapshot) => snapshot.Values.Sum(r => r.Count);

    private static string? Format(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTimeOffset time => time.UtcTicks.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };
}
