using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;

namespace PenguinMails.Functions.Tests.Users;

public sealed class UserSearchTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task Filters_CombineTenantStatusRoleAndPrefix()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var other = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var tag = "q" + Guid.NewGuid().ToString("N")[..6];
        var alice = (await UserTestData.CreateAsync(client, tenant, $"{tag}-alice@example.com", "Alice Admin", "admin")).Id();
        var bob = (await UserTestData.CreateAsync(client, tenant, $"bob-{tag}@example.com", $"{tag} Bob", "member")).Id();
        var carol = (await UserTestData.CreateAsync(client, other, $"{tag}-carol@example.com", "Carol", "member")).Id();
        await client.PostAsJsonAsync($"/api/users/{bob}/ban", new { reason = "spam" });

        Assert.Equal(Sorted([alice, bob]), Sorted(await Ids(client, $"tenantId={tenant}")));
        Assert.Equal([bob], await Ids(client, $"tenantId={tenant}&status=banned"));
        Assert.Equal([alice], await Ids(client, $"tenantId={tenant}&role=admin"));
        Assert.Equal(Sorted([alice, bob, carol]), Sorted(await Ids(client, $"q={tag.ToUpperInvariant()}")));
        Assert.Equal([bob], await Ids(client, $"q={tag}&status=banned"));
        Assert.Equal(Sorted([alice, bob]), Sorted(await Ids(client, $"q={tag}&tenantId={tenant}")));
        Assert.Contains(carol, await Ids(client, "role=member&pageSize=500"));
        await (await client.GetAsync("/api/users?role=wizard")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.GetAsync("/api/users?status=asleep")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AChangedUser_IsFoundByItsNewValuesOnly()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var tag = "r" + Guid.NewGuid().ToString("N")[..6];
        var id = (await UserTestData.CreateAsync(client, tenant, $"{tag}@example.com", "Dora", "viewer")).Id();
        await client.PatchAsJsonAsync($"/api/users/{id}", new { email = $"x{tag}@example.com", role = "owner" });

        Assert.Empty(await Ids(client, $"q={tag}"));
        Assert.Equal([id], await Ids(client, $"q=x{tag}"));
        Assert.Empty(await Ids(client, $"tenantId={tenant}&role=viewer"));
        Assert.Equal([id], await Ids(client, $"tenantId={tenant}&role=owner"));
    }

    [Fact]
    public async Task Pages_CoverEveryMatchOnce()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await UserTestData.CreateAsync(client, tenant)).Id());
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/users?tenantId={tenant}&pageSize=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))
                .ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Sorted(created), Sorted(seen));

        var first = await (await client.GetAsync("/api/users?pageSize=2")).ReadJsonAsync();
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var foreign = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        await (await client.GetAsync($"/api/users?tenantId={tenant}&cursor={foreign}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task<List<string>> Ids(HttpClient client, string query)
    {
        JsonElement page = await (await client.GetAsync("/api/users?" + query)).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();
    }

    private static List<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();
}
