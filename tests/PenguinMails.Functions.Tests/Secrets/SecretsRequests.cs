using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>Short calls to the secrets API for the contract suites.</summary>
public static class SecretsRequests
{
    public const string Route = "/api/admin/secrets";

    public static string NewName() => "s-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewValue() => "pm-canary-" + Guid.NewGuid().ToString("N");

    public static async Task<JsonElement> CreateAsync(HttpClient client, string name, string value, Dictionary<string, string>? tags = null,
        DateTimeOffset? expiresOn = null)
    {
        var response = await client.PostAsJsonAsync(Route, new { name, value, contentType = "text/plain", tags, expiresOn, reason = "test set-up" });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> SendDeleteAsync(HttpClient client, string name, string? reason = null) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Route}/{name}") { Content = JsonContent.Create(new { reason }) });

    /// <summary>Soft-deletes and checks the 204.</summary>
    public static async Task DeleteAsync(HttpClient client, string name, string? reason = null)
    {
        var response = await SendDeleteAsync(client, name, reason);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> RevealAsync(HttpClient client, string name, string? reason = "verifying the rotation", string? version = null) =>
        client.PostAsJsonAsync($"{Route}/{name}/reveal", new { reason, version });

    public static async Task<string> RevealValueAsync(HttpClient client, string name, string? version = null) =>
        (await (await RevealAsync(client, name, version: version)).ReadJsonAsync()).GetProperty("value").GetString()!;

    public static async Task<List<JsonElement>> ListAllAsync(HttpClient client, string route, int pageSize = 500)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = $"{route}?pageSize={pageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.GetAsync(url)).ReadJsonAsync();
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }
}
