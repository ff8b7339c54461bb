namespace PenguinMails.Functions.Common;

public static class HttpConcurrencyExtensions
{
    public static void SetETag(this HttpResponse response, string etag) => response.Headers.ETag = etag;

    /// <summary>The caller's If-Match, or null when absent or "*".</summary>
    public static string? IfMatch(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(value) || value == "*" ? null : value;
    }
}
