using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Staff;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Users;

/// <summary>Creates platform users over the API, and sessions for them the way the mail platform would.</summary>
public static class UserTestData
{
    public static async Task<JsonElement> CreateAsync(HttpClient client, string tenantId, string? email = null, string? name = null, string role = "member")
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        var response = await client.PostAsJsonAsync("/api/users",
            new { tenantId, email = email ?? $"user-{slug}@example.com", displayName = name ?? "User " + slug, role });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static string Id(this JsonElement user) => user.GetProperty("id").GetString()!;

    public static async Task AddSessionsAsync(AdminAppFactory factory, string userId, int count)
    {
        var store = factory.Services.GetRequiredService<IPlatformUserSessionStore>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            await store.CreateAsync(new PlatformUserSession(SessionTokens.NewId(), userId, now, now, now.AddDays(7), "203.0.113.9", "mail-app", null));
        }
    }

    public static async Task<int> LiveSessionsAsync(AdminAppFactory factory, string userId) =>
        (await factory.Services.GetRequiredService<IPlatformUserSessionStore>().ListLiveAsync(userId, DateTimeOffset.UtcNow)).Count;
}
