namespace PenguinMails.Functions.Http;

/// <summary>RFC 9110 If-Match syntax: "*" or a comma-separated list of [W/]"etagc*".</summary>
public static class EntityTagSyntax
{
    public static bool IsValidIfMatch(string value)
    {
        var text = value.AsSpan().Trim();
        if (text.SequenceEqual("*"))
        {
            return true;
        }
        var i = 0;
        var tags = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or ',')
            {
                i++;
            }
            if (i == text.Length)
            {
                break;
            }
            if (text[i..].StartsWith("W/"))
            {
                i += 2;
            }
            if (i >= text.Length || text[i] != '"')
            {
                return false;
            }
            var close = text[(i + 1)..].IndexOf('"');
            if (close < 0 || !IsOpaque(text.Slice(i + 1, close)))
            {
                return false;
            }
            i += close + 2;
            tags++;
            if (i < text.Length && text[i] is not (' ' or '\t' or ','))
            {
                return false;
            }
        }
        return tags > 0;
    }

    private static bool IsOpaque(ReadOnlySpan<char> tag)
    {
        foreach (var c in tag)
        {
            if (c < 0x21 || c == 0x7F)
            {
                return false;
            }
        }
        return true;
    }
}
