using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Http;

public sealed class IdempotencyKeyTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private static HttpRequestMessage CreateTenant(string key, string name) =>
        new(HttpMethod.Post, "/api/tenants")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { name, primaryDomain = name.ToLowerInvariant() + ".example", plan = "starter", ownerEmail = "owner@" + name.ToLowerInvariant() + ".example" }),
        };

    [Fact]
    public async Task RetryWithTheSameKeyAndBody_ReturnsTheFirstAnswer_AndAppliesOnce()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var key = Guid.NewGuid().ToString();
        var name = "Idem" + Guid.NewGuid().ToString("N")[..8];

        var first = await client.SendAsync(CreateTenant(key, name));
        var second = await client.SendAsync(CreateTenant(key, name));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var tenants = await (await client.GetAsync($"/api/tenants?q={name}")).ReadJsonAsync();
        Assert.Single(tenants.GetProperty("items").EnumerateArray(), t => t.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_IsUnprocessable()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(CreateTenant(key, "Idem" + Guid.NewGuid().ToString("N")[..8]))).StatusCode);

        var reused = await client.SendAsync(CreateTenant(key, "Other" + Guid.NewGuid().ToString("N")[..8]));

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task ConcurrentDuplicates_ApplyOnce()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var key = Guid.NewGuid().ToString();
        var name = "Idem" + Guid.NewGuid().ToString("N")[..8];

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(CreateTenant(key, name))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        var tenants = await (await client.GetAsync($"/api/tenants?q={name}")).ReadJsonAsync();
        Assert.Single(tenants.GetProperty("items").EnumerateArray(), t => t.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task KeysAreScopedPerStaffMember()
    {
        var (first, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var (second, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var key = Guid.NewGuid().ToString();
        var name = "Idem" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(HttpStatusCode.Created, (await first.SendAsync(CreateTenant(key, name))).StatusCode);
        var other = await second.SendAsync(CreateTenant(key, name + "b"));

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task MalformedKey_IsValidationProblem()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var response = await client.SendAsync(CreateTenant(new string('k', 300), "Idem" + Guid.NewGuid().ToString("N")[..8]));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
