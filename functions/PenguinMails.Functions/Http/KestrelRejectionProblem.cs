using System.Text;
using System.Text.Json;

namespace PenguinMails.Functions.Http;

/// <summary>Rewrites a bare Kestrel rejection (see <see cref="KestrelRejectionWriter"/>) into the same status with a problem body.</summary>
public static class KestrelRejectionProblem
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    public static byte[]? TryRewrite(ReadOnlySpan<byte> flushed)
    {
        if (flushed.Length > 2048 || !(flushed.StartsWith("HTTP/1.1 4"u8) || flushed.StartsWith("HTTP/1.0 4"u8)))
        {
            return null;
        }
        var end = flushed.IndexOf(HeadEnd);
        if (end < 0 || end + HeadEnd.Length != flushed.Length)
        {
            return null;
        }
        var head = Encoding.ASCII.GetString(flushed[..end]);
        var lines = head.Split("\r\n");
        if (!lines.Contains("Content-Length: 0", StringComparer.OrdinalIgnoreCase) || !lines.Contains("Connection: close", StringComparer.OrdinalIgnoreCase)
            || lines.Any(l => l.StartsWith(CorrelationMiddleware.CorrelationHeader + ":", StringComparison.OrdinalIgnoreCase))
            || !int.TryParse(lines[0].AsSpan(9, 3), out var status))
        {
            return null;
        }
        var (code, title) = Describe(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5",
            ["title"] = title,
            ["status"] = status,
            ["code"] = code,
        });
        var rewritten = new StringBuilder(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            rewritten.Append(line).Append("\r\n");
        }
        rewritten.Append("Content-Type: application/problem+json\r\n").Append("Cache-Control: no-store\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n").Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(rewritten.ToString()), .. body];
    }

    private static (string Code, string Title) Describe(int status) => status switch
    {
        408 => ("request_timeout", "The request was not received in time."),
        413 => ("payload_too_large", "The request body is too large."),
        414 => ("uri_too_long", "The request URL is too long."),
        431 => ("header_fields_too_large", "The request headers are too large."),
        _ => ("bad_request", "The request is not valid HTTP."),
    };
}
