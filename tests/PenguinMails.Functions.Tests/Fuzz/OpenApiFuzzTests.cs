using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Fuzz;

/// <summary>
/// Walks every operation of /api/openapi.json with hostile path values, query values, If-Match headers and bodies,
/// as a super-admin and anonymously, over a real socket. No answer may be 5xx, and every 4xx is problem+json
/// with a code, Kestrel's own 400, 414 and 431 included.
/// </summary>
public sealed class OpenApiFuzzTests(KestrelAppFactory factory) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task EveryOperation_AnswersNo5xx_AndAProblemForEvery4xx()
    {
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var anonymous = factory.CreateClient();
        var document = await (await anonymous.GetAsync("/api/openapi.json")).ReadJsonAsync();
        var operations = OpenApiOperation.Read(document);
        Assert.True(operations.Count > 50, $"only {operations.Count} operations in the document");
        var failures = new ConcurrentBag<string>();
        var sent = 0;
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, _) =>
        {
            // Logging out would end the super-admin's own session and blind the rest of the walk.
            var client = operation.Path.EndsWith("/auth/logout", StringComparison.Ordinal) ? anonymous : admin;
            foreach (var request in Requests(operation))
            {
                Interlocked.Increment(ref sent);
                await CheckAsync(client, request(), failures);
            }
            await CheckAsync(anonymous, Requests(operation).First()(), failures);
        });
        foreach (var request in KestrelRejections())
        {
            await CheckAsync(anonymous, request, failures);
        }
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Take(30)));
    }

    private static IEnumerable<Func<HttpRequestMessage>> Requests(OpenApiOperation operation)
    {
        var method = new HttpMethod(operation.Method);
        var path = Fill(operation.Path, FuzzInputs.PathValues[0]);
        foreach (var value in FuzzInputs.PathValues)
        {
            yield return () => new HttpRequestMessage(method, Fill(operation.Path, value));
        }
        foreach (var parameter in operation.QueryParameters.Append("pageSize").Append("cursor").Distinct())
        {
            foreach (var value in FuzzInputs.QueryValues)
            {
                yield return () => new HttpRequestMessage(method, $"{path}?{parameter}={Uri.EscapeDataString(value)}");
            }
        }
        foreach (var ifMatch in FuzzInputs.IfMatchValues)
        {
            yield return () =>
            {
                var request = new HttpRequestMessage(method, path) { Content = Json("{}"u8.ToArray()) };
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                return request;
            };
        }
        if (operation.HasBody)
        {
            foreach (var (_, body) in FuzzInputs.Bodies(operation.BodyProperties))
            {
                yield return () => new HttpRequestMessage(method, path) { Content = Json(body) };
            }
        }
    }

    private static IEnumerable<HttpRequestMessage> KestrelRejections()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, "/api/health?q=" + new string('a', 9 * 1024));
        var header = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        header.Headers.TryAddWithoutValidation("X-Big", new string('a', 64 * 1024));
        yield return header;
        yield return new HttpRequestMessage(HttpMethod.Get, "/api/staff/a%00b");
    }

    private static async Task CheckAsync(HttpClient client, HttpRequestMessage request, ConcurrentBag<string> failures)
    {
        var what = $"{request.Method} {Shorten(request.RequestUri!.ToString())}";
        // A large body waits for "100 Continue", as a careful client does, so the server's early 413 is read
        // instead of the connection closing under a body still being sent.
        request.Headers.ExpectContinue = request.Content?.Headers.ContentLength > 64 * 1024;
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{what} -> {status} {Shorten(body)}");
            }
            else if (status >= 400 && !IsProblem(response.Content.Headers.ContentType, body, status))
            {
                failures.Add($"{what} -> {status} without a problem body ({response.Content.Headers.ContentType}): {Shorten(body)}");
            }
        }
        catch (HttpRequestException e)
        {
            failures.Add($"{what} -> connection failed: {e.Message}");
        }
    }

    private static bool IsProblem(MediaTypeHeaderValue? contentType, string body, int status)
    {
        if (contentType?.MediaType != "application/problem+json")
        {
            return false;
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }
            && json.RootElement.TryGetProperty("status", out var s) && s.GetInt32() == status;
    }

    private static string Fill(string template, string value) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", value);

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
