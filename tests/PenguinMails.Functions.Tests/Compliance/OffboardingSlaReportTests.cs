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

    /// <summary>The workers pick up what is queued at <paramref name="at"/>: that is when the workflow removes access.</summary>
    private async Task RunWorkflowsAsync(DateTimeOffset at)
    {
        _app.At(at);
        await WorkflowDrain.UntilIdleAsync(_app.App);
    }

    [Fact]
    public async Task Offboardings_AreMeasuredFromTheirWorkflowsStartToAccessRemoval_AgainstTwentyFourHours()
    {
        var henry = await TestStaff.CreateAsync(_app.App, RoleCatalog.SupportAgent);
        var erin = await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);
        var frank = await TestStaff.CreateAsync(_app.App, RoleCatalog.Finance);
        var greta = await TestStaff.CreateAsync(_app.App, RoleCatalog.SupportAgent);

        var henryFlow = await OffboardAsync(henry, Sunday.AddHours(2)); // the week before: found by the report's look-back
        await RunWorkflowsAsync(new DateTimeOffset(2026, 11, 9, 9, 30, 0, TimeSpan.Zero));
        var erinFlow = await OffboardAsync(erin, new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.Zero));
        await RunWorkflowsAsync(new DateTimeOffset(2026, 11, 9, 12, 0, 0, TimeSpan.Zero));
        var frankFlow = await OffboardAsync(frank, new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        await RunWorkflowsAsync(new DateTimeOffset(2026, 11, 11, 11, 30, 0, TimeSpan.Zero));
        var gretaFlow = await OffboardAsync(greta, new DateTimeOffset(2026, 11, 14, 12, 0, 0, TimeSpan.Zero)); // no worker ever runs it

        _app.At(new DateTimeOffset(2026, 11, 17, 8, 0, 0, TimeSpan.Zero));
        var admin = await _app.ClientAsync(_admin);
        (await admin.PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = "2026-11-09" })).EnsureSuccessStatusCode();
        var report = await (await admin.GetAsync("/api/reports/weekly-access-2026-11-09/content?format=json")).ReadJsonAsync();

        Assert.Equal("3", report.Figure("offboardings"));
        Assert.Equal("2", report.Figure("accessRemovalSlaBreaches"));
        var rows = report.Table("access-removals").ToDictionary(r => r["Workflow"]);
        Assert.Equal(4, rows.Count);
        AssertRow(rows[henryFlow], henry, "offboarding", "2026-11-08 22:00 UTC", "2026-11-09 09:30 UTC", "11 h 30 min", "yes");
        AssertRow(rows[erinFlow], erin, "offboarding", "2026-11-09 10:00 UTC", "2026-11-09 12:00 UTC", "2 h 0 min", "yes");
        AssertRow(rows[frankFlow], frank, "offboarding", "2026-11-10 09:00 UTC", "2026-11-11 11:30 UTC", "26 h 30 min", "no");
        AssertRow(rows[gretaFlow], greta, "offboarding (not completed)", "2026-11-14 12:00 UTC", "not yet", "over 36 h 0 min", "no (overdue)");
        Assert.All(rows.Values, r => Assert.Equal(_admin.Email, r["By"]));
    }

    private static void AssertRow(Dictionary<string, string> row, StaffMember member, string action, string requested, string removed, string took,
        string withinSla) =>
        Assert.Equal((member.Email, action, requested, removed, took, withinSla),
            (row["Staff member"], row["Action"], row["Requested"], row["Access removed"], row["Time to removal"], row["Within 24 h SLA"]));
}
