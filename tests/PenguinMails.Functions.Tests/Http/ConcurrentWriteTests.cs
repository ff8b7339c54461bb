using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;
using PenguinMails.Functions.Tests.Users;

namespace PenguinMails.Functions.Tests.Http;

/// <summary>
/// A small, bounded load: 20 clients create and update flags, tenants and users at once, most updates aimed at the
/// same three rows so their writes race. Every answer is a success, 409 or 412; none is a 5xx.
/// </summary>
public sealed class ConcurrentWriteTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private const int Clients = 20;
    private const int Rounds = 4;

    [Fact]
    public async Task ConcurrentCreatesAndUpdates_NeverAnswer5xx()
    {
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var sharedFlag = "flag-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/flags", Flag(sharedFlag))).EnsureSuccessStatusCode();
        var sharedTenant = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var sharedUser = (await UserTestData.CreateAsync(admin, sharedTenant)).Id();
        var clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ => (await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin)).Client));

        var answers = await Task.WhenAll(clients.Select(client => RunClientAsync(client, sharedFlag, sharedTenant, sharedUser)));

        var all = answers.SelectMany(a => a).ToList();
        Assert.Equal(Clients * Rounds * 9, all.Count);
        Assert.True(all.All(s => (int)s < 500), "5xx answers: " + string.Join(", ", all.Where(s => (int)s >= 500).GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}")));
        Assert.True(all.All(s => (int)s < 400 || s is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed),
            "unexpected 4xx: " + string.Join(", ", all.Where(s => (int)s >= 400).Distinct()));
    }

    private static async Task<List<HttpStatusCode>> RunClientAsync(HttpClient client, string sharedFlag, string sharedTenant, string sharedUser)
    {
        var answers = new List<HttpStatusCode>();
        for (var round = 0; round < Rounds; round++)
        {
            var slug = Guid.NewGuid().ToString("N")[..10];
            answers.Add((await client.PostAsJsonAsync("/api/flags", Flag("flag-" + slug[..8]))).StatusCode);
            answers.Add(await UpdateAsync(client, HttpMethod.Put, $"/api/flags/{sharedFlag}", new
            {
                description = "raced " + slug, enabled = round % 2 == 0, rolloutPercentage = round * 10, allowTenants = Array.Empty<string>(),
                allowUsers = Array.Empty<string>(), denyTenants = Array.Empty<string>(),
            }, answers));
            answers.Add((await client.PostAsJsonAsync("/api/tenants",
                new { name = "Tenant " + slug, primaryDomain = $"{slug}.example.com", plan = "growth", ownerEmail = $"owner@{slug}.example.com" })).StatusCode);
            answers.Add(await UpdateAsync(client, HttpMethod.Patch, $"/api/tenants/{sharedTenant}", new { plan = round % 2 == 0 ? "enterprise" : "growth" }, answers));
            answers.Add((await client.PostAsJsonAsync("/api/users",
                new { tenantId = sharedTenant, email = $"user-{slug}@example.com", displayName = "User " + slug, role = "member" })).StatusCode);
            answers.Add(await UpdateAsync(client, HttpMethod.Patch, $"/api/users/{sharedUser}", new { displayName = "Raced " + slug }, answers));
        }
        return answers;
    }

    /// <summary>Reads the row for its ETag, then writes with If-Match; both answers are recorded (the read's here, the write's returned).</summary>
    private static async Task<HttpStatusCode> UpdateAsync(HttpClient client, HttpMethod method, string url, object body, List<HttpStatusCode> answers)
    {
        var read = await client.GetAsync(url);
        answers.Add(read.StatusCode);
        var write = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (read.Headers.ETag is { } etag)
        {
            write.Headers.TryAddWithoutValidation("If-Match", etag.ToString());
        }
        return (await client.SendAsync(write)).StatusCode;
    }

    private static object Flag(string key) =>
        new { key, description = "load flag", enabled = true, rolloutPercentage = 50, allowTenants = Array.Empty<string>(), denyTenants = Array.Empty<string>() };
}
