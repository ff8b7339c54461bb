using System.Globalization;
using CsvHelper;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Writes users as CSV (RFC 4180) straight to a stream. CsvHelper writes its buffer out as it fills, so an export of
/// any size holds one buffer and one page of users in memory. Text cells that a spreadsheet would run as formulas are
/// escaped (OWASP CSV injection), since display names are typed by customers.
/// </summary>
public static class UserCsvWriter
{
    public const string ContentType = "text/csv";

    private static readonly string[] Header = ["id", "tenantId", "email", "displayName", "role", "status", "createdAt", "lastLoginAt", "bannedAt"];

    /// <summary>Writes the header and every user; returns how many users were written.</summary>
    public static async Task<int> WriteAsync(IAsyncEnumerable<PlatformUser> users, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader(Header);
        var count = 0;
        await foreach (var u in users.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([u.Id, u.TenantId, u.Email, u.DisplayName, u.Role, u.Status.ToString().ToLowerInvariant(), Time(u.CreatedAt),
                Time(u.LastLoginAt), Time(u.BannedAt)], cancellationToken);
            count++;
        }
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";
}
