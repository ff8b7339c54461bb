using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Compliance.Sources;

namespace PenguinMails.Admin.Tests.Compliance;

public sealed class AccessRemovalSlaTests
{
    private static readonly ReportPeriod Week = ReportPeriod.Of(ReportType.WeeklyAccess, new DateOnly(2026, 11, 16));

    private static AuditEvent Event(string action, string target, DateTimeOffset time) =>
        new(Guid.NewGuid().ToString("N"), "p", 1, time, "admin", "admin@p.test", action, "staff", target, null, null, "why", "success", null, null, null, "", "");

    [Fact]
    public void OffboardingsAreMeasuredFromTheRequestToTheFirstAccessRemoval_AgainstTwentyFourHours()
    {
        var ledger = new AccessChangeLedger(id => id + "@p.test");
        var start = Week.From;
        ledger.Observe(Event("staff.sessions.revoke", "fast", start.AddHours(2)));
        ledger.Observe(Event("staff.offboard", "fast", start.AddHours(3)));
        ledger.Observe(Event("staff.suspend", "slow", start.AddHours(40)));
        ledger.Observe(Event("staff.offboard", "slow", start.AddHours(41)));
        var requests = SourceResult<IReadOnlyList<OffboardingRequest>>.Of(
        [
            new("fast", start.AddHours(1), "hr@p.test", "wf-1"),
            new("slow", start.AddHours(10), "hr@p.test", "wf-2"),
            new("stuck", start.AddHours(20), "hr@p.test", "wf-3"),
            new("recent", Week.Until.AddHours(-2), "hr@p.test", "wf-4"),
        ]);

        var (section, breaches) = AccessRemovalSla.Build(ledger, requests, Week, id => id + "@p.test");

        Assert.Equal(2, breaches);
        var rows = section.Rows.ToDictionary(r => r[0] + "|" + r[1], r => r);
        Assert.Equal("yes", rows["fast@p.test|offboarding"][5]);
        Assert.Equal("1 h 0 min", rows["fast@p.test|offboarding"][4]);
        Assert.Equal("no", rows["slow@p.test|offboarding"][5]);
        Assert.Equal("no (overdue)", rows["stuck@p.test|offboarding (not completed)"][5]);
        Assert.Equal("pending", rows["recent@p.test|offboarding (not completed)"][5]);
        Assert.Equal("wf-1", rows["fast@p.test|offboarding"][8]);
        Assert.Equal("wf-3", rows["stuck@p.test|offboarding (not completed)"][8]);
        Assert.Equal("yes", rows["slow@p.test|suspension"][5]);
    }

    [Fact]
    public void WithoutOffboardingRequests_OffboardingsAreListedButNotMeasured()
    {
        var ledger = new AccessChangeLedger(id => id);
        ledger.Observe(Event("staff.offboard", "gone", Week.From.AddHours(5)));
        var unavailable = SourceResult<IReadOnlyList<OffboardingRequest>>.NotAvailable("the workflow run log cannot be read");
        var (section, breaches) = AccessRemovalSla.Build(ledger, unavailable, Week, id => id);
        Assert.Null(breaches);
        Assert.Equal("not measured", Assert.Single(section.Rows)[5]);
        Assert.Contains("not available: the workflow run log cannot be read", section.Description);
    }
}
