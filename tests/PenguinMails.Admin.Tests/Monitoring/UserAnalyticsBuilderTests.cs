using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Admin.Tests.Monitoring;

public sealed class UserAnalyticsBuilderTests
{
    private static readonly DateTimeOffset Wednesday = new(2025, 3, 12, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Weeks_StartOnMonday_AndEveryWeekIsListed()
    {
        var query = new UserAnalyticsQuery(AnalyticsInterval.Week, Wednesday.AddDays(-14), Wednesday);
        var result = new UserAnalyticsBuilder(query)
            .AddUser(Wednesday.AddDays(-1), "active", Wednesday.AddHours(-2))
            .AddUser(Wednesday.AddDays(-13), "banned", null)
            .AddUser(Wednesday.AddDays(-60), "active", Wednesday.AddDays(-20))
            .AddTenant(Wednesday, "pending")
            .Build();

        Assert.True(result.Available);
        Assert.Equal([new DateTimeOffset(2025, 2, 24, 0, 0, 0, TimeSpan.Zero), new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero)],
            result.NewUsers!.Select(p => p.PeriodStart));
        Assert.Equal([1L, 0L, 1L], result.NewUsers!.Select(p => p.Count));
        Assert.Equal(new ActiveUserCounts(1, 1, 2), result.ActiveUsers);
        Assert.Equal(2, result.UsersByStatus!["active"]);
        Assert.Equal(1, result.TenantsByStatus!["pending"]);
    }

    [Fact]
    public void StatusesNamedUpFront_AreListedWithZero_AndDaysCoverTheRange()
    {
        var query = new UserAnalyticsQuery(AnalyticsInterval.Day, Wednesday.AddDays(-2), Wednesday);
        var result = new UserAnalyticsBuilder(query, ["active", "banned"], ["pending", "active", "closed"])
            .AddUser(Wednesday.AddDays(-2), "active", null)
            .AddUser(Wednesday.AddHours(-1), "active", Wednesday.AddDays(-1))
            .AddTenant(Wednesday.AddDays(-3), "active")
            .Build();

        Assert.Equal([1L, 0L, 1L], result.NewUsers!.Select(p => p.Count));
        Assert.Equal([0L, 0L, 0L], result.NewTenants!.Select(p => p.Count));
        Assert.Equal(new Dictionary<string, long> { ["active"] = 2, ["banned"] = 0 }, result.UsersByStatus);
        Assert.Equal(new Dictionary<string, long> { ["pending"] = 0, ["active"] = 1, ["closed"] = 0 }, result.TenantsByStatus);
        Assert.Equal(new ActiveUserCounts(1, 1, 1), result.ActiveUsers);
    }

    [Fact]
    public void NotAvailable_HasNoFigures()
    {
        var result = UserAnalytics.NotAvailable("no users here");
        Assert.False(result.Available);
        Assert.Null(result.NewUsers);
        Assert.Null(result.ActiveUsers);
        Assert.Null(result.UsersByStatus);
    }
}
