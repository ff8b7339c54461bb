namespace PenguinMails.Admin.Users;

/// <summary>
/// How emails, names and queries are compared for prefix search: trimmed, lowercased, and with the characters
/// Azure Tables forbids in keys (and our '|' separator) replaced, because index rows carry this text in their keys.
/// </summary>
public static class SearchText
{
    public const int MaxLength = 200;

    public static string Of(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c) ? '_' : c;
            }
        });
    }
}
