using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Tenants;

/// <summary>Creates tenants over the API, the way an administrator would.</summary>
public static class TenantTestData
{
    public static async Task<JsonElement> CreateAsync(HttpClient client, string? name = null)
    {
        var slug = Guid.NewGuid().ToString("N")[..10];
        var response = await client.PostAsJsonAsync("/api/tenants",
            new { name = name ?? "Tenant " + slug, primaryDomain = $"{slug}.example.com", plan = "growth", ownerEmail = $"owner@{slug}.example.com" });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> CreateActiveAsync(HttpClient client, string? name = null)
    {
        var tenant = await CreateAsync(client, name);
        var id = tenant.GetProperty("id").GetString();
        return await (await client.PostAsJsonAsync($"/api/tenants/{id}/approve", new { reason = "verified" })).ReadJsonAsync();
    }
}
