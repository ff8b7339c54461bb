using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Staff;

/// <summary>Journey 5 end to end over HTTP: the workflows run on the local trigger runner against Azurite.</summary>
public sealed class StaffOffboardingTests : IDisposable
{
    private readonly AdminAppFactory _factory = AdminAppFactory.WithSettings(new Dictionary<string, string?> { ["Triggers:RunLocally"] = "true" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Offboarding_LeavesNoRolesNoSessionsStatusOffboardedAReviewTicketAndACompleteHistory()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var target = await TestStaff.CreateAsync(_factory, RoleCatalog.SupportAgent, RoleCatalog.Finance);
        var targetClient = TestStaff.ClientWithToken(_factory, await TestStaff.SessionAsync(_factory, target));
        await RecordRevealAsync(target);

        var response = await admin.PostAsJsonAsync($"/api/staff/{target.Id}/offboard", new { reason = "Left the company" });
        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        var workflowId = accepted.GetProperty("workflowId").GetString()!;
        Assert.Equal($"/api/workflows/{workflowId}", response.Headers.Location?.ToString());
        Assert.Equal($"/api/workflows/{workflowId}", accepted.GetProperty("statusUrl").GetString());

        var workflow = await WorkflowPolling.WaitForStatusAsync(admin, workflowId, "Completed");
        Assert.Equal("offboarding", workflow.GetProperty("type").GetString());
        var steps = WorkflowPolling.History(workflow, "ActivityCompleted").Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["RemoveRoles", "RevokeSessions", "MarkOffboarded", "AuditReview"], steps);
        // The definition's steps and the finished ones, so the console shows progress without a copy of them.
        Assert.Equal(steps, workflow.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(steps, workflow.GetProperty("completedSteps").EnumerateArray().Select(s => s.GetString()));
        Assert.Single(WorkflowPolling.History(workflow, "ExecutionStarted"));
        Assert.Single(WorkflowPolling.History(workflow, "ExecutionCompleted"));

        var staff = await (await admin.GetAsync($"/api/staff/{target.Id}")).ReadJsonAsync();
        Assert.Equal("offboarded", staff.GetProperty("status").GetString());
        Assert.Empty(staff.GetProperty("roles").EnumerateArray());
        Assert.Empty((await (await admin.GetAsync($"/api/staff/{target.Id}/sessions")).ReadJsonAsync()).EnumerateArray());
        await (await targetClient.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");

        var review = workflow.GetProperty("output").GetProperty("AuditReview");
        Assert.Equal(1, review.GetProperty("revealCount").GetInt32());
        var ticket = await (await admin.GetAsync($"/api/tickets/{review.GetProperty("ticketId").GetString()}")).ReadJsonAsync();
        Assert.Equal("security", ticket.GetProperty("queue").GetString());
        Assert.Equal("normal", ticket.GetProperty("priority").GetString());
        Assert.Equal(workflowId, ticket.GetProperty("workflowId").GetString());
        Assert.Contains("secrets.reveal", ticket.GetProperty("description").GetString());

        var audit = _factory.Services.GetRequiredService<IAuditLog>();
        var correlated = new List<string>();
        await foreach (var e in audit.ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)))
        {
            if (e.CorrelationId == workflowId)
            {
                correlated.Add(e.Action);
            }
        }
        Assert.Equal(["staff.roles.set", "staff.sessions.revoke", "staff.offboard", "ticket.create", "staff.access-review"], correlated);
    }

    [Fact]
    public async Task EmergencyRevoke_SuspendsAndRevokesBeforeAnswering_ThenRunsAPriorityReview()
    {
        var (officer, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.SecurityOfficer);
        var target = await TestStaff.CreateAsync(_factory, RoleCatalog.UserManager);
        var targetClient = TestStaff.ClientWithToken(_factory, await TestStaff.SessionAsync(_factory, target));

        var response = await officer.PostAsJsonAsync($"/api/staff/{target.Id}/emergency-revoke", new { reason = "Laptop stolen" });
        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted);

        // Synchronous part: already true when the 202 arrives.
        await (await targetClient.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        var member = (await _factory.Services.GetRequiredService<IStaffStore>().GetAsync(target.Id))!.Value;
        Assert.Equal(StaffStatus.Suspended, member.Status);

        var workflow = await WorkflowPolling.WaitForStatusAsync(officer, accepted.GetProperty("workflowId").GetString()!, "Completed");
        Assert.Equal("emergency-revocation", workflow.GetProperty("type").GetString());
        var ticketId = workflow.GetProperty("output").GetProperty("AuditReview").GetProperty("ticketId").GetString();
        var ticket = await (await officer.GetAsync($"/api/tickets/{ticketId}")).ReadJsonAsync();
        Assert.Equal("high", ticket.GetProperty("priority").GetString());
        Assert.Equal("security", ticket.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task Offboarding_RefusesYourselfAndRequiresAReasonAndThePermission()
    {
        var (admin, me) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        await (await admin.PostAsJsonAsync($"/api/staff/{me.Id}/offboard", new { reason = "bye" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var target = await TestStaff.CreateAsync(_factory, RoleCatalog.Auditor);
        await (await admin.PostAsJsonAsync($"/api/staff/{target.Id}/offboard", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/api/staff/nobody/offboard", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var (finance, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Finance);
        await (await finance.PostAsJsonAsync($"/api/staff/{target.Id}/emergency-revoke", new { reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task RecordRevealAsync(StaffMember target)
    {
        var actor = new Actor(target.Id, target.Email, target.Roles, RoleCatalog.PermissionsOf(target.Roles), null, "127.0.0.1", "tests", null);
        await _factory.Services.GetRequiredService<IAuditLog>().AppendAsync(new AuditEntry(actor, "secrets.reveal", "secret", "stripe-api-key",
            Reason: "debugging a webhook"));
    }
}
