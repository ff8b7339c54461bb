using PenguinMails.Admin.Common;
using PenguinMails.Admin.DataProtection;

namespace PenguinMails.Admin.Tests.DataProtection;

public sealed class RetentionDaysTests
{
    [Fact]
    public void TheDefaults_AreValid() => RetentionDays.Default.Validate();

    [Fact]
    public void AuditUnderAYear_IsRejected_NamingTheField()
    {
        var error = Assert.Throws<AdminException>(() => (RetentionDays.Default with { Audit = 364 }).Validate());
        Assert.True(error.Errors!.ContainsKey("retentionDays.audit"));
    }

    [Theory]
    [InlineData(0, 365, 30, 1)]
    [InlineData(1, 365, 29, 1)]
    [InlineData(1, 365, 30, 0)]
    [InlineData(1, 3651, 30, 1)]
    public void OutOfRangeValues_AreRejected(int sessions, int audit, int reports, int webhooks) =>
        Assert.Throws<AdminException>(() => new RetentionDays(sessions, audit, reports, webhooks).Validate());

    [Fact]
    public void EachDataClass_HasItsDays()
    {
        var days = new RetentionDays(1, 2, 3, 4);
        Assert.Equal([1, 2, 3, 4], DataClasses.All.Select(days.For).ToArray());
    }
}
