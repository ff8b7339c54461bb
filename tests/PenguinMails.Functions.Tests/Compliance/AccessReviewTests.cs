using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>
/// The quarterly access review: a frozen snapshot, keep or remove per person, removal (roles, or the real offboarding
/// workflow run by the engine on Azurite) with evidence, closing.
/// </summary>
public sealed class AccessReviewTests : IAsyncLifetime
{
    private const string Id = "quarterly-access-review-2026-10-01";
    private static readonly DateTimeOffset QuarterStart = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);
    private ClockedApp _app = null!;
    private StaffMember _reviewer = null!, _secondReviewer = null!, _keeper = null!, _leaver = null!, _other = null!;

    public async Task InitializeAsync()
    {
        _app = await ClockedApp.StartAsync(QuarterStart);
        // Removing someone's access needs a reviewer who outranks them (the role hierarchy), so the reviewer is a super-admin.
        _reviewer = await TestStaff.CreateAsync(_app.App, RoleCatalog.SuperAdmin);
        _secondReviewer = await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);
        _keeper = await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);
        _leaver = await TestStaff.CreateAsync(_app.App, RoleCatalog.SupportAgent);
        _other = await TestStaff.CreateAsync(_app.App, RoleCatalog.Finance);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> DecideAsync(StaffMember reviewer, StaffMember person, object body) =>
        await (await _app.ClientAsync(reviewer)).PutAsJsonAsync($"/api/reports/{Id}/decisions/{person.Id}", body);

    private async Task<JsonElement> ReportAsync() => await (await (await _app.ClientAsync(_reviewer)).GetAsync($"/api/reports/{Id}")).ReadJsonAsync();

    [Fact]
    public async Task Review_RemoveTakesAccessAwayWithEvidence_AndTheReviewClosesOnceEveryoneIsDecided()
    {
        var reviewer = await _app.ClientAsync(_reviewer);
        var created = await (await reviewer.PostAsJsonAsync("/api/reports", new { type = "quarterly-access-review", periodStart = "2026-10-01", reason = "Q4 review" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(5, created.GetProperty("review").GetProperty("people").GetInt32());
        Assert.Equal("open", created.GetProperty("review").GetProperty("status").GetString());
        var leaverSession = await _app.ClientAsync(_leaver);
        (await leaverSession.GetAsync("/api/me")).EnsureSuccessStatusCode();
        var otherSession = await _app.ClientAsync(_other);
        (await otherSession.GetAsync("/api/me")).EnsureSuccessStatusCode();
        var late = await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);

        (await DecideAsync(_reviewer, _keeper, new { decision = "keep" })).EnsureSuccessStatusCode();
        await (await DecideAsync(_reviewer, _leaver, new { decision = "remove" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var removed = await (await DecideAsync(_reviewer, _leaver, new { decision = "remove", reason = "moved to sales" })).ReadJsonAsync();
        var offboarded = await (await DecideAsync(_reviewer, _other, new { decision = "remove", removal = "offboard", reason = "left" })).ReadJsonAsync();
        await (await DecideAsync(_reviewer, _reviewer, new { decision = "keep" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await DecideAsync(_reviewer, late, new { decision = "keep" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await DecideAsync(_reviewer, _leaver, new { decision = "keep" })).AssertProblemAsync(HttpStatusCode.Conflict, "decision_final");

        await (await leaverSession.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        var leaver = await (await reviewer.GetAsync($"/api/staff/{_leaver.Id}")).ReadJsonAsync();
        Assert.Empty(leaver.GetProperty("roles").EnumerateArray());
        var roleEvents = await (await reviewer.GetAsync($"/api/audit?targetId={_leaver.Id}&action=staff.roles.set")).ReadJsonAsync();
        var roleEvent = Assert.Single(roleEvents.GetProperty("items").EnumerateArray());
        Assert.Equal(_reviewer.Id, roleEvent.GetProperty("actorId").GetString());
        Assert.Equal(roleEvent.GetProperty("id").GetString(), removed.GetProperty("removalEventId").GetString());
        Assert.Equal("roles", removed.GetProperty("removal").GetString());

        var workflowId = offboarded.GetProperty("workflowId").GetString()!;
        Assert.Equal("offboard", offboarded.GetProperty("removal").GetString());
        Assert.Equal($"offboarding-{_other.Id}", workflowId);
        await WorkflowDrain.UntilIdleAsync(_app.App);
        var workflow = await (await reviewer.GetAsync($"/api/workflows/{workflowId}")).ReadJsonAsync();
        Assert.Equal("Completed", workflow.GetProperty("runtimeStatus").GetString());
        Assert.Equal(["RemoveRoles", "RevokeSessions", "MarkOffboarded", "AuditReview"],
            WorkflowPolling.History(workflow, "ActivityCompleted").Select(e => e.GetProperty("name").GetString()));
        var other = await (await reviewer.GetAsync($"/api/staff/{_other.Id}")).ReadJsonAsync();
        Assert.Equal("offboarded", other.GetProperty("status").GetString());
        Assert.Empty(other.GetProperty("roles").EnumerateArray());
        await (await otherSession.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        var started = Assert.Single((await (await reviewer.GetAsync($"/api/audit?targetId={workflowId}&action=workflow.start")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray());
        Assert.Equal(_reviewer.Id, started.GetProperty("actorId").GetString());
        Assert.Equal($"Access review {Id}: left", started.GetProperty("reason").GetString());
        var decided = (await (await reviewer.GetAsync($"/api/audit?targetId={_other.Id}&action=reports.review.decide")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal(workflowId, decided.GetProperty("after").GetProperty("workflowId").GetString());

        await (await reviewer.PostAsJsonAsync($"/api/reports/{Id}/close", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "review_incomplete");
        (await DecideAsync(_reviewer, _secondReviewer, new { decision = "keep" })).EnsureSuccessStatusCode();
        (await DecideAsync(_secondReviewer, _reviewer, new { decision = "keep" })).EnsureSuccessStatusCode();
        var closed = await (await (await _app.ClientAsync(_reviewer)).PostAsJsonAsync($"/api/reports/{Id}/close", new { reason = "done" })).ReadJsonAsync();
        Assert.Equal("closed", closed.GetProperty("review").GetProperty("status").GetString());
        Assert.Equal(2, closed.GetProperty("review").GetProperty("removed").GetInt32());
        await (await DecideAsync(_reviewer, _keeper, new { decision = "keep" })).AssertProblemAsync(HttpStatusCode.Conflict, "review_closed");

        var content = await (await (await _app.ClientAsync(_reviewer)).GetAsync($"/api/reports/{Id}/content?format=json")).ReadJsonAsync();
        Assert.Equal("closed", content.Figure("reviewStatus"));
        Assert.Equal("5 of 5", content.Figure("decided"));
        var snapshotRow = content.Table("review-snapshot").Single(r => r["Staff id"] == _leaver.Id);
        Assert.Equal(RoleCatalog.SupportAgent, snapshotRow["Roles"]);
        var decision = content.Table("review-decisions").Single(r => r["Staff member"] == _leaver.Email);
        Assert.Equal("remove", decision["Decision"]);
        Assert.Contains("roles removed " + removed.GetProperty("removalEventId").GetString(), decision["Evidence"]);
        Assert.Contains("decision " + removed.GetProperty("decisionEventId").GetString(), decision["Evidence"]);
        var offboarding = content.Table("review-decisions").Single(r => r["Staff member"] == _other.Email);
        Assert.Equal("offboard", offboarding["Removal"]);
        Assert.Contains("offboarding workflow " + workflowId, offboarding["Evidence"]);
        Assert.Contains("decision " + offboarded.GetProperty("decisionEventId").GetString(), offboarding["Evidence"]);
    }

    [Fact]
    public async Task Review_OnlyForTheCurrentQuarter_AndGeneratedOnce()
    {
        var reviewer = await _app.ClientAsync(_reviewer);
        await (await reviewer.PostAsJsonAsync("/api/reports", new { type = "quarterly-access-review", periodStart = "2026-07-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await reviewer.PostAsJsonAsync("/api/reports", new { type = "quarterly-access-review", periodStart = "2026-11-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await reviewer.PostAsJsonAsync("/api/reports", new { type = "quarterly-access-review", periodStart = "2026-10-01" })).EnsureSuccessStatusCode();
        await TestStaff.CreateAsync(_app.App, RoleCatalog.Admin);
        var again = await (await reviewer.PostAsJsonAsync("/api/reports", new { type = "quarterly-access-review", periodStart = "2026-10-01" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, again.GetProperty("review").GetProperty("people").GetInt32());
        Assert.Equal(5, (await ReportAsync()).GetProperty("review").GetProperty("pending").GetInt32());
        await (await (await _app.ClientAsync(_reviewer)).GetAsync("/api/reports/weekly-access-2026-09-28/decisions"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
