namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Helpers for building Table keys and OData filters safely.</summary>
public static class TableKeys
{
    /// <summary>Escapes a value for use inside single quotes in an OData filter.</summary>
    public static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>
    /// The half-open range [prefix, next) of strings that start with <paramref name="prefix"/>: "abc" gives ["abc", "abd").
    /// </summary>
    public static (string From, string To) PrefixRange(string prefix)
    {
        if (prefix.Length == 0)
        {
            throw new ArgumentException("A prefix range needs a non-empty prefix.", nameof(prefix));
        }
        var last = prefix[^1];
        var to = last == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(last + 1);
        return (prefix, to);
    }
}
