using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>
/// The weekly report's 24-hour access-removal SLA, measured from the start of the real offboarding workflow (run by the
/// engine on Azurite, on a clock the test moves) to the first step that removed access.
/// </summary>
public sealed class OffboardingSlaReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Sunday = new(2026, 11, 8, 20, 0, 0, TimeSpan.Zero);
    private ClockedApp _app = null!;
    private StaffMember _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ClockedApp.StartAsync(Sunday);
        _admin = await TestStaff.CreateAsync(_app.App, RoleCatalog.SuperAdmin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> OffboardAsync(StaffMember member, DateTimeOffset at)
    {
        _app.At(at);
        var response = await (await _app.ClientAsync(_admin)).PostAsJsonAsync($"/api/staff/{member.Id}/offboard", new { reason = "left the company" });
        return (await response.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("workflowId").GetString()!;
    }

    [Fact]
    public async Task Offboardings_RemoveAccessInTheRequest_SoEachIsWithinTheTwentyFourHourSla()
    {
        var erin = await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);
        var frank = await TestStaff.CreateAsync(_app.App, RoleCatalog.Finance);
        // The task hub stamps and queries instances on the real clock, so the week reported is this one.
        var now = DateTimeOffset.UtcNow;
        var monday = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-(((int)now.UtcDateTime.DayOfWeek + 6) % 7)), TimeSpan.Zero);

        // Roles and sessions go before the 202 (issue 14); the workflow then marks each offboarded and opens the review.
        var erinFlow = await OffboardAsync(erin, now);
        var frankFlow = await OffboardAsync(frank, now.AddMinutes(1));
        await WorkflowDrain.UntilIdleAsync(_app.App);

        _app.At(monday.AddDays(8));
        var admin = await _app.ClientAsync(_admin);
        var period = monday.ToString("yyyy-MM-dd");
        (await admin.PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = period })).EnsureSuccessStatusCode();
        var report = await (await admin.GetAsync($"/api/reports/weekly-access-{period}/content?format=json")).ReadJsonAsync();

        Assert.Equal("2", report.Figure("offboardings"));
        Assert.Equal("0", report.Figure("accessRemovalSlaBreaches"));
        var rows = report.Table("access-removals").ToDictionary(r => r["Workflow"]);
        Assert.Equal(2, rows.Count);
        AssertRow(rows[erinFlow], erin, "offboarding", Minute(now), Minute(now), "0 min", "yes");
        AssertRow(rows[frankFlow], frank, "offboarding", Minute(now.AddMinutes(1)), Minute(now.AddMinutes(1)), "0 min", "yes");
        Assert.All(rows.Values, r => Assert.Equal(_admin.Email, r["By"]));
    }

    private static string Minute(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm") + " UTC";

    private static void AssertRow(Dictionary<string, string> row, StaffMember member, string action, string requested, string removed, string took,
        string withinSla) =>
        Assert.Equal((member.Email, action, requested, removed, took, withinSla),
            (row["Staff member"], row["Action"], row["Requested"], row["Access removed"], row["Time to removal"], row["Within 24 h SLA"]));
}
