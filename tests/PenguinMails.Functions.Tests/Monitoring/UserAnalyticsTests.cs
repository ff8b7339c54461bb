using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;
using PenguinMails.Functions.Tests.Users;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// GET /api/analytics/users over users and tenants created through the API at chosen times (January to March 2026),
/// with last sign-ins recorded on the user rows as the mail platform records them, asked on Wednesday 18 March at noon.
/// </summary>
public sealed class UserAnalyticsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = At(3, 18, 12);
    private ClockedApp _app = null!;
    private StaffMember _admin = null!;

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _app = await ClockedApp.StartAsync(At(1, 5, 9));
        _admin = await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> AdminAtAsync(DateTimeOffset time)
    {
        _app.At(time);
        return await _app.ClientAsync(_admin);
    }

    private static string Id(JsonElement json) => json.GetProperty("id").GetString()!;

    private async Task SeedAsync()
    {
        var january = Id(await TenantTestData.CreateActiveAsync(await AdminAtAsync(At(1, 5, 10))));
        var signedInFeb20 = Id(await UserTestData.CreateAsync(await AdminAtAsync(At(1, 6, 10)), january));
        var march = Id(await TenantTestData.CreateActiveAsync(await AdminAtAsync(At(3, 2, 10))));
        var signedInToday = Id(await UserTestData.CreateAsync(await AdminAtAsync(At(3, 2, 11)), march));
        var banned = Id(await UserTestData.CreateAsync(await AdminAtAsync(At(3, 3, 8)), march));
        var rejected = Id(await TenantTestData.CreateAsync(await AdminAtAsync(At(3, 9, 15))));
        (await (await AdminAtAsync(At(3, 9, 16))).PostAsJsonAsync($"/api/tenants/{rejected}/reject", new { reason = "not a real business" })).EnsureSuccessStatusCode();
        var signedInMar14 = Id(await UserTestData.CreateAsync(await AdminAtAsync(At(3, 10, 9)), march));
        await TenantTestData.CreateAsync(await AdminAtAsync(At(3, 16, 9)));
        await UserTestData.CreateAsync(await AdminAtAsync(At(3, 17, 9)), march);
        (await (await AdminAtAsync(At(3, 17, 10))).PostAsJsonAsync($"/api/users/{banned}/ban", new { reason = "spam" })).EnsureSuccessStatusCode();

        await SignedInAsync(signedInFeb20, At(2, 20, 8));
        await SignedInAsync(signedInMar14, At(3, 14, 8));
        await SignedInAsync(signedInToday, At(3, 18, 11));
        await SignedInAsync(banned, At(1, 2, 8));
        _app.At(Now);
    }

    /// <summary>Records a sign-in to the mail platform on the user row, as that platform does.</summary>
    private async Task SignedInAsync(string userId, DateTimeOffset at)
    {
        var store = _app.Service<IPlatformUserStore>();
        var user = (await store.GetAsync(userId))!;
        await store.UpdateAsync(user.Value, user.Value with { LastLoginAt = at }, user.ETag);
    }

    private async Task<JsonElement> GetAsync(string query) =>
        await (await (await AdminAtAsync(Now)).GetAsync("/api/analytics/users" + query)).ReadJsonAsync();

    private static List<(string Start, long Count)> Series(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray()
            .Select(p => (p.GetProperty("periodStart").GetDateTimeOffset().ToString("yyyy-MM-dd"), p.GetProperty("count").GetInt64())).ToList();

    [Fact]
    public async Task PerDay_EveryDayIsListed_WithTheUsersAndTenantsCreatedThatDay()
    {
        var json = await GetAsync("?interval=day&from=2026-03-02T00:00:00Z&to=2026-03-18T12:00:00Z");

        Assert.True(json.GetProperty("available").GetBoolean());
        var users = Series(json, "newUsers");
        Assert.Equal(17, users.Count);
        Assert.Equal(("2026-03-02", 1L), users[0]);
        Assert.Equal(("2026-03-18", 0L), users[^1]);
        Assert.Equal([("2026-03-02", 1L), ("2026-03-03", 1L), ("2026-03-10", 1L), ("2026-03-17", 1L)], users.Where(d => d.Count > 0));
        Assert.Equal([("2026-03-02", 1L), ("2026-03-09", 1L), ("2026-03-16", 1L)], Series(json, "newTenants").Where(d => d.Count > 0));
    }

    [Fact]
    public async Task PerWeek_WeeksStartOnMonday_AndTheDefaultIsTwelveWeeksBack()
    {
        var march = await GetAsync("?interval=week&from=2026-03-02T00:00:00Z");
        Assert.Equal([("2026-03-02", 2L), ("2026-03-09", 1L), ("2026-03-16", 1L)], Series(march, "newUsers"));
        Assert.Equal([("2026-03-02", 1L), ("2026-03-09", 1L), ("2026-03-16", 1L)], Series(march, "newTenants"));

        var twelve = await GetAsync("?interval=week");
        var weeks = Series(twelve, "newUsers");
        Assert.Equal(13, weeks.Count);
        Assert.Equal("2025-12-22", weeks[0].Start);
        Assert.Equal([("2026-01-05", 1L), ("2026-03-02", 2L), ("2026-03-09", 1L), ("2026-03-16", 1L)], weeks.Where(w => w.Count > 0));
        Assert.Equal([("2026-01-05", 1L), ("2026-03-02", 1L), ("2026-03-09", 1L), ("2026-03-16", 1L)], Series(twelve, "newTenants").Where(w => w.Count > 0));
    }

    [Fact]
    public async Task ActiveUsersAndStatuses_CountEveryUserAndTenant_ByLastSignInAndCurrentStatus()
    {
        var json = await GetAsync("");

        Assert.Equal("""{"lastDay":1,"last7Days":2,"last30Days":3}""", json.GetProperty("activeUsers").GetRawText());
        Assert.Equal("""{"active":4,"banned":1}""", json.GetProperty("usersByStatus").GetRawText());
        Assert.Equal("""{"pending":1,"active":2,"paused":0,"suspended":0,"rejected":1,"closed":0}""", json.GetProperty("tenantsByStatus").GetRawText());
    }

    [Fact]
    public async Task ActiveUsers_AreCountedAsOfTheRangesEnd()
    {
        var json = await GetAsync("?from=2026-02-01T00:00:00Z&to=2026-02-20T12:00:00Z");

        Assert.Equal("""{"lastDay":1,"last7Days":1,"last30Days":1}""", json.GetProperty("activeUsers").GetRawText());
        Assert.All(Series(json, "newUsers"), d => Assert.Equal(0L, d.Count));
    }
}
