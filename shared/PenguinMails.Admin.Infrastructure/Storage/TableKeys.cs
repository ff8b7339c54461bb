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

    /// <summary>
    /// Replaces the characters Tables forbids in keys ('/', '\', '#', '?', control characters) and our '|' separator,
    /// so free text (emails, names) can be part of a key.
    /// </summary>
    public static string Sanitize(string value) =>
        string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c) ? '_' : c;
            }
        });
}
