using PenguinMails.Admin.Compliance.Sources;

namespace PenguinMails.Admin.Tests.Compliance;

public sealed class WeeklyGrowthTallyTests
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateOnly November = new(2026, 11, 1);

    private static DateTimeOffset At(int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void AMonthsWeeks_AreCutAtItsEdges_AndAddUpToTheMonth()
    {
        var weeks = new WeeklyGrowthTally(October, November)
            .AddUser(At(9, 30, 23, 59, 59))
            .AddUser(At(10, 1))
            .AddUser(At(10, 4, 23, 59, 59))
            .AddUser(At(10, 5))
            .AddUser(At(10, 31, 23, 59, 59))
            .AddUser(At(11, 1))
            .AddTenant(At(10, 12, 9))
            .AddTenant(At(10, 25, 23))
            .AddTenant(At(10, 25, 23, 30))
            .Build();

        Assert.Equal(
        [
            new GrowthWeek(new DateOnly(2026, 10, 1), 2, 0),
            new GrowthWeek(new DateOnly(2026, 10, 5), 1, 0),
            new GrowthWeek(new DateOnly(2026, 10, 12), 0, 1),
            new GrowthWeek(new DateOnly(2026, 10, 19), 0, 2),
            new GrowthWeek(new DateOnly(2026, 10, 26), 1, 0),
        ], weeks);
    }

    [Fact]
    public void ARangeFromMondayToMonday_HasWholeWeeksOnly()
    {
        var weeks = new WeeklyGrowthTally(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16))
            .AddUser(At(11, 8, 23, 59, 59))
            .AddUser(At(11, 9))
            .AddUser(At(11, 16))
            .Build();

        Assert.Equal([new GrowthWeek(new DateOnly(2026, 11, 2), 1, 0), new GrowthWeek(new DateOnly(2026, 11, 9), 1, 0)], weeks);
    }

    [Fact]
    public void AnEmptyRange_HasNoWeeks()
    {
        Assert.Empty(new WeeklyGrowthTally(October, October).AddUser(At(10, 1)).Build());
    }
}
