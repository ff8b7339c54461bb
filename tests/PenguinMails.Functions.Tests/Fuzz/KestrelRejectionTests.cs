using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PenguinMails.Functions.Tests.Fuzz;

/// <summary>Requests Kestrel answers itself, before the app runs, sent as raw bytes over a real socket.</summary>
public sealed class KestrelRejectionTests(KestrelAppFactory factory) : IClassFixture<KestrelAppFactory>
{
    public static TheoryData<string, int, string> Rejections => new()
    {
        { "GET /api/health?q=" + new string('a', 9 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "uri_too_long" },
        { "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + new string('a', 64 * 1024) + "\r\n\r\n", 431, "header_fields_too_large" },
        { "GET /api/staff/a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "bad_request" },
        { "GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n", 400, "bad_request" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task KestrelsOwnRejection_IsAProblemWithACode(string rawRequest, int status, string code)
    {
        var (head, body) = await SendRawAsync(rawRequest);

        Assert.StartsWith($"HTTP/1.1 {status} ", head);
        Assert.Contains("Content-Type: application/problem+json", head);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AppResponses_PassThroughTheFilterUnchanged()
    {
        // HTTP/1.0, so the body comes unchunked and the connection closes after it.
        var (head, body) = await SendRawAsync("GET /api/no-such-route HTTP/1.0\r\nHost: localhost\r\n\r\n");

        Assert.Matches("^HTTP/1\\.[01] 404 ", head);
        Assert.Contains("X-Correlation-Id:", head);
        Assert.Equal("not_found", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    private async Task<(string Head, string Body)> SendRawAsync(string rawRequest)
    {
        var address = new Uri(factory.CreateClient().BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(rawRequest));
        using var reader = new MemoryStream();
        await stream.CopyToAsync(reader).WaitAsync(TimeSpan.FromSeconds(30));
        var text = Encoding.UTF8.GetString(reader.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (text[..split], text[(split + 4)..]);
    }
}
