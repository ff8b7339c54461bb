using System.Globalization;
using CsvHelper;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Reads uploaded CSV files (RFC 4180, a header row, header names case-insensitive) for bulk operations and imports.
/// Anything wrong with the file as a whole (no rows, no header column that is needed, binary or malformed content, more
/// than <see cref="BulkUserCommand.MaxUsers"/> rows) is a 400 <c>invalid_file</c>; problems of single rows are left to the services.
/// </summary>
public static class UserCsvReader
{
    public const string InvalidFile = "invalid_file";

    /// <summary>The rows of a file with an <c>id</c> or an <c>email</c> column (id wins when both are there).</summary>
    public static async Task<(BulkFileColumn Column, IReadOnlyList<BulkFileRow> Rows)> ReadTargetsAsync(Stream body, CancellationToken cancellationToken)
    {
        BulkFileColumn? column = null;
        var rows = await ReadAsync(body, header =>
        {
            column = header.Contains("id") ? BulkFileColumn.Id : header.Contains("email") ? BulkFileColumn.Email
                : throw Invalid("The header row needs an 'id' column or an 'email' column.");
        }, (line, get) => new BulkFileRow(line, get(column == BulkFileColumn.Id ? "id" : "email") ?? ""), cancellationToken);
        return (column!.Value, rows);
    }

    /// <summary>The rows of an import file with the columns <c>email</c>, <c>displayName</c> and <c>role</c>.</summary>
    public static Task<List<UserImportRow>> ReadImportAsync(Stream body, CancellationToken cancellationToken) =>
        ReadAsync(body, header =>
        {
            var missing = new[] { "email", "displayname", "role" }.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw Invalid($"The header row must have the columns email, displayName and role; missing: {string.Join(", ", missing)}.");
            }
        }, (line, get) => new UserImportRow(line, get("email"), get("displayname"), get("role")), cancellationToken);

    /// <summary>400 <c>invalid_file</c> unless the body is declared as CSV.</summary>
    public static void EnsureCsv(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, UserCsvWriter.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"Send the file as {UserCsvWriter.ContentType} (the body was '{mediaType ?? "without a content type"}').");
        }
    }

    private static async Task<List<T>> ReadAsync<T>(Stream body, Action<HashSet<string>> checkHeader, Func<int, Func<string, string?>, T> map,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid("The file is empty.");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw Invalid("The file is not a text (CSV) file.");
        }
        var options = new CsvReaderOptions { TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        await using var csv = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        var rows = new List<T>();
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            checkHeader(csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));
            while (await csv.ReadAsync(cancellationToken))
            {
                if (rows.Count == BulkUserCommand.MaxUsers)
                {
                    throw Invalid($"The file has more than {BulkUserCommand.MaxUsers:N0} rows; split it.");
                }
                rows.Add(map((int)csv.LineNumber, name => csv.TryGetFieldIndex(name, out var index) ? csv.GetStringOrNull(index) : null));
            }
        }
        catch (CsvFormatException e)
        {
            throw Invalid($"The file is not valid CSV: the record at line {e.LineNumber} is malformed.");
        }
        if (rows.Count == 0)
        {
            throw Invalid("The file has a header row but no data rows.");
        }
        return rows;
    }

    private static AdminException Invalid(string detail) => AdminException.BadRequest(InvalidFile, detail);
}
