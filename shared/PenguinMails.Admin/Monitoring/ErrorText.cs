using System.Text.RegularExpressions;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Turns a failure into a short, safe line for the monitoring API: the exception type and the first line of its
/// message, with credentials, tokens, query strings and email addresses masked, and never a stack trace.
/// </summary>
public static partial class ErrorText
{
    public const int MaxLength = 300;
    private const string Mask = "***";

    public static string Describe(Exception exception)
    {
        var message = FirstLine(exception.Message);
        return Shorten(string.IsNullOrEmpty(message) ? exception.GetType().Name : $"{exception.GetType().Name}: {Sanitize(message)}");
    }

    /// <summary>The same treatment for an error recorded as text (a failed workflow's error): first line, masked, shortened.</summary>
    public static string Summarize(string error) => Shorten(Sanitize(FirstLine(error)));

    public static string Sanitize(string text)
    {
        text = Bearer().Replace(text, "Bearer " + Mask);
        text = Credentials().Replace(text, m => m.Groups["name"].Value + m.Groups["separator"].Value + Mask);
        text = QueryString().Replace(text, m => m.Groups["path"].Value + "?" + Mask);
        text = Email().Replace(text, m => Mask + "@" + m.Groups["domain"].Value);
        return LongToken().Replace(text, Mask);
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";

    [GeneratedRegex(@"(?<name>\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig|password|pwd|secret|client_secret|api[_-]?key|apikey|token|access_token|refresh_token|authorization)\b)(?<separator>\s*[=:]\s*)(?<value>""[^""]*""|'[^']*'|[^\s;,&]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Credentials();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?<path>\b[a-z][a-z0-9+.-]*://[^\s?#]+)\?[^\s#]*", RegexOptions.IgnoreCase)]
    private static partial Regex QueryString();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@(?<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")]
    private static partial Regex Email();

    /// <summary>Runs of 32+ key-like characters: keys, hashes and tokens without a telling name.</summary>
    [GeneratedRegex(@"[A-Za-z0-9+/_\-]{32,}={0,2}")]
    private static partial Regex LongToken();
}
