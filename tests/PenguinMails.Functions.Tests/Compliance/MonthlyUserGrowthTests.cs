using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;
using PenguinMails.Functions.Tests.Users;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>
/// The monthly security report's user growth for October 2026 (Thursday 1st to Saturday 31st), from users and tenants
/// created through the API at chosen times, including the instants either side of the month's edges.
/// </summary>
public sealed class MonthlyUserGrowthTests : IAsyncLifetime
{
    private static readonly DateTimeOffset LastSecondOfSeptember = new(2026, 9, 30, 23, 59, 59, TimeSpan.Zero);
    private ClockedApp _app = null!;
    private StaffMember _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ClockedApp.StartAsync(LastSecondOfSeptember.AddHours(-1));
        _admin = await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>At <paramref name="time"/>, creates <paramref name="tenants"/> tenants and <paramref name="users"/> users (in the first new tenant, else in <paramref name="tenantId"/>).</summary>
    private async Task<string> CreateAtAsync(DateTimeOffset time, int users, int tenants, string? tenantId = null)
    {
        _app.At(time);
        var admin = await _app.ClientAsync(_admin);
        for (var i = 0; i < tenants; i++)
        {
            var created = (await TenantTestData.CreateAsync(admin)).GetProperty("id").GetString()!;
            tenantId ??= created;
        }
        for (var i = 0; i < users; i++)
        {
            await UserTestData.CreateAsync(admin, tenantId!);
        }
        return tenantId!;
    }

    private async Task<JsonElement> GenerateAsync()
    {
        _app.At(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
        var admin = await _app.ClientAsync(_admin);
        await (await admin.PostAsJsonAsync("/api/reports", new { type = "monthly-security", periodStart = "2026-10-01" })).ReadJsonAsync(HttpStatusCode.Created);
        return await (await admin.GetAsync("/api/reports/monthly-security-2026-10-01/content?format=json")).ReadJsonAsync();
    }

    [Fact]
    public async Task UserGrowth_CountsOctobersUsersAndTenantsPerWeek_CutAtTheMonthsEdges()
    {
        var september = await CreateAtAsync(LastSecondOfSeptember, users: 1, tenants: 1);
        var first = await CreateAtAsync(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), users: 1, tenants: 1);
        await CreateAtAsync(new DateTimeOffset(2026, 10, 4, 23, 59, 59, TimeSpan.Zero), users: 1, tenants: 0, first);
        await CreateAtAsync(new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero), users: 2, tenants: 1);
        await CreateAtAsync(new DateTimeOffset(2026, 10, 14, 12, 0, 0, TimeSpan.Zero), users: 0, tenants: 1);
        await CreateAtAsync(new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero), users: 1, tenants: 1, september);
        await CreateAtAsync(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), users: 1, tenants: 1);

        var report = await GenerateAsync();

        Assert.Equal("5", report.Figure("newUsers"));
        Assert.Equal("4", report.Figure("newTenants"));
        Assert.Equal(
        [
            ["2026-10-01", "2", "1"],
            ["2026-10-05", "2", "1"],
            ["2026-10-12", "0", "1"],
            ["2026-10-19", "0", "0"],
            ["2026-10-26", "1", "1"],
        ], report.Rows("user-growth"));
        Assert.Equal(["Week starting", "New users", "New tenants"],
            report.Section("user-growth").GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
    }
}
