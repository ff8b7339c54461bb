using System.Net;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

public sealed class AnalyticsApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task WithNoUsersOrTenantsYet_EveryDayOfTheLast30IsListedWithZeros()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var json = await (await client.GetAsync("/api/analytics/users")).ReadJsonAsync();

        Assert.True(json.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reason").ValueKind);
        Assert.Equal("day", json.GetProperty("interval").GetString());
        Assert.Equal(TimeSpan.FromDays(30), json.GetProperty("to").GetDateTimeOffset() - json.GetProperty("from").GetDateTimeOffset());
        foreach (var series in new[] { "newUsers", "newTenants" })
        {
            Assert.Equal(31, json.GetProperty(series).GetArrayLength());
            Assert.All(json.GetProperty(series).EnumerateArray(), day => Assert.Equal(0, day.GetProperty("count").GetInt64()));
        }
        Assert.Equal("""{"lastDay":0,"last7Days":0,"last30Days":0}""", json.GetProperty("activeUsers").GetRawText());
        Assert.Equal("""{"active":0,"banned":0}""", json.GetProperty("usersByStatus").GetRawText());
        Assert.Equal(6, json.GetProperty("tenantsByStatus").EnumerateObject().Count());
    }

    [Fact]
    public async Task Weeks_DefaultToTwelve()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var json = await (await client.GetAsync("/api/analytics/users?interval=week")).ReadJsonAsync();
        Assert.Equal("week", json.GetProperty("interval").GetString());
        Assert.Equal(TimeSpan.FromDays(84), json.GetProperty("to").GetDateTimeOffset() - json.GetProperty("from").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("?interval=month", "interval")]
    [InlineData("?from=2025-03-01T00:00:00Z&to=2025-02-01T00:00:00Z", "from")]
    [InlineData("?from=2023-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", "from")]
    public async Task InvalidQueries_AreValidationErrors(string query, string field)
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var problem = await (await client.GetAsync("/api/analytics/users" + query)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData(RoleCatalog.SecurityOfficer)]
    [InlineData(RoleCatalog.Auditor)]
    [InlineData(RoleCatalog.SupportAgent)]
    public async Task OnlyAnalyticsReaders_MaySeeIt(string role)
    {
        var (client, _) = await TestStaff.SignInAsync(factory, role);
        await (await client.GetAsync("/api/analytics/users")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
