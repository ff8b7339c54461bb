using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Reports;

namespace PenguinMails.Admin.Tests.Compliance;

public sealed class ReportPeriodTests
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timers_ReportOnTheLastFullWeekAndMonth_AndTheCurrentQuarter()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), ReportPeriod.Latest(ReportType.WeeklyAccess, MondayMorning).Start);
        Assert.Equal(new DateOnly(2026, 11, 16), ReportPeriod.Latest(ReportType.WeeklyAccess, MondayMorning.AddDays(6)).Start);
        Assert.Equal(new DateOnly(2026, 10, 1), ReportPeriod.Latest(ReportType.MonthlySecurity, MondayMorning).Start);
        Assert.Equal(new DateOnly(2026, 10, 1), ReportPeriod.Latest(ReportType.QuarterlyAccessReview, MondayMorning).Start);
        Assert.Equal(new DateOnly(2027, 1, 1), ReportPeriod.Latest(ReportType.QuarterlyAccessReview, new DateTimeOffset(2027, 1, 1, 6, 0, 0, TimeSpan.Zero)).Start);
    }

    [Fact]
    public void Periods_CoverWholeUtcDays_AndEndTheDayBeforeTheNextStarts()
    {
        var week = ReportPeriod.Of(ReportType.WeeklyAccess, new DateOnly(2026, 11, 16));
        Assert.Equal(new DateOnly(2026, 11, 22), week.End);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), week.Until);
        Assert.Equal(new DateOnly(2027, 2, 28), ReportPeriod.Of(ReportType.MonthlySecurity, new DateOnly(2027, 2, 1)).End);
        Assert.Equal(new DateOnly(2026, 12, 31), ReportPeriod.Of(ReportType.QuarterlyAccessReview, new DateOnly(2026, 10, 1)).End);
        Assert.Equal("monthly-security-2027-02-01", ReportPeriod.Of(ReportType.MonthlySecurity, new DateOnly(2027, 2, 1)).Id);
    }

    [Theory]
    [InlineData(ReportType.WeeklyAccess, "2026-11-17")]
    [InlineData(ReportType.MonthlySecurity, "2026-11-02")]
    [InlineData(ReportType.QuarterlyAccessReview, "2026-11-01")]
    [InlineData(ReportType.WeeklyAccess, "1999-12-27")]
    public void MisalignedStarts_AreRejected(ReportType type, string start) =>
        Assert.Equal("validation_failed", Assert.Throws<AdminException>(() => ReportPeriod.Of(type, DateOnly.Parse(start))).Code);

    [Fact]
    public void OnlyEndedPeriods_AndOnlyTheCurrentQuarter_CanBeGenerated()
    {
        ReportPeriod.Of(ReportType.WeeklyAccess, new DateOnly(2026, 11, 16)).EnsureCanGenerate(MondayMorning);
        Assert.Throws<AdminException>(() => ReportPeriod.Of(ReportType.WeeklyAccess, new DateOnly(2026, 11, 23)).EnsureCanGenerate(MondayMorning));
        Assert.Throws<AdminException>(() => ReportPeriod.Of(ReportType.MonthlySecurity, new DateOnly(2026, 11, 1)).EnsureCanGenerate(MondayMorning));
        ReportPeriod.Of(ReportType.QuarterlyAccessReview, new DateOnly(2026, 10, 1)).EnsureCanGenerate(MondayMorning);
        Assert.Throws<AdminException>(() => ReportPeriod.Of(ReportType.QuarterlyAccessReview, new DateOnly(2026, 7, 1)).EnsureCanGenerate(MondayMorning));
    }

    [Theory]
    [InlineData("weekly-access-2026-11-16", true)]
    [InlineData("quarterly-access-review-2026-10-01", true)]
    [InlineData("weekly-access-2026-11-17", false)]
    [InlineData("weekly-access-2026-1-16", false)]
    [InlineData("yearly-2026-01-01", false)]
    [InlineData("../../secret", false)]
    [InlineData("", false)]
    public void Ids_ParseOnlyWhenTheyNameAValidPeriod(string id, bool valid)
    {
        Assert.Equal(valid, ReportPeriod.TryParseId(id, out var period));
        if (valid)
        {
            Assert.Equal(id, period.Id);
        }
    }
}
