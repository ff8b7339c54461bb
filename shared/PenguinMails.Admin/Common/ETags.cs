namespace PenguinMails.Admin.Common;

/// <summary>
/// Compares a caller's If-Match with the ETag we just read. Services check it themselves and then write with the
/// ETag they read, so a malformed If-Match is a plain 412 and a concurrent write between read and write is still caught.
/// </summary>
public static class ETags
{
    /// <summary>Throws 412 when <paramref name="ifMatch"/> is given and names another version than <paramref name="current"/>.</summary>
    public static void EnsureMatches(string? ifMatch, string current)
    {
        if (ifMatch is not null && Strip(ifMatch) != Strip(current))
        {
            throw AdminException.PreconditionFailed();
        }
    }

    private static string Strip(string etag) => etag.Trim() is var t && t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t;
}
