using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>The status API in Durable Functions' vocabulary, events, termination, and who may see what.</summary>
public sealed class WorkflowsApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private readonly AdminAppFactory _factory = factory.Register();

    private IWorkflowClient Client => _factory.Services.GetRequiredService<IWorkflowClient>();

    [Fact]
    public async Task GetWorkflow_ShowsStatusInputStepsCurrentStepAndHistory()
    {
        var (admin, member) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var id = await StartConfirmationAsync(member, new { orderId = "o-1" });

        var workflow = await WorkflowPolling.WaitForStatusAsync(admin, id, "Waiting");

        Assert.Equal(id, workflow.GetProperty("id").GetString());
        Assert.Equal("test-confirmation", workflow.GetProperty("type").GetString());
        Assert.Equal("o-1", workflow.GetProperty("input").GetProperty("orderId").GetString());
        Assert.Equal([TestWorkflows.AwaitConfirmation, nameof(First)], workflow.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(TestWorkflows.AwaitConfirmation, workflow.GetProperty("currentStep").GetString());
        Assert.True(workflow.GetProperty("createdTime").GetDateTimeOffset() <= workflow.GetProperty("lastUpdatedTime").GetDateTimeOffset());
        Assert.Equal("ExecutionStarted", workflow.GetProperty("history")[0].GetProperty("eventType").GetString());
    }

    [Fact]
    public async Task ListWorkflows_FiltersByTypeAndStatusAndPages()
    {
        var (admin, member) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var ids = new[] { await StartConfirmationAsync(member), await StartConfirmationAsync(member), await StartConfirmationAsync(member) };
        foreach (var id in ids)
        {
            await WorkflowPolling.WaitForStatusAsync(admin, id, "Waiting");
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/workflows?type=test-confirmation&status=waiting&pageSize=2&cursor={cursor}")).ReadJsonAsync();
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                Assert.Equal("Waiting", item.GetProperty("runtimeStatus").GetString());
                Assert.Equal("test-confirmation", item.GetProperty("type").GetString());
                seen.Add(item.GetProperty("id").GetString()!);
            }
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Superset(ids.ToHashSet(), seen.ToHashSet());

        var completed = await (await admin.GetAsync("/api/workflows?type=test-confirmation&status=Completed")).ReadJsonAsync();
        Assert.DoesNotContain(completed.GetProperty("items").EnumerateArray(), i => ids.Contains(i.GetProperty("id").GetString()));
        await (await admin.GetAsync("/api/workflows?status=sleeping")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync("/api/workflows?cursor=forged")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task RaiseEvent_Answers202AndTheWaitingStepReceivesIt()
    {
        var (admin, member) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var id = await StartConfirmationAsync(member);
        await WorkflowPolling.WaitForStatusAsync(admin, id, "Waiting");

        var response = await admin.PostAsJsonAsync($"/api/workflows/{id}/events/Confirmed", new { refundId = "re_9" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/workflows/{id}", response.Headers.Location?.OriginalString);

        var workflow = await WorkflowPolling.WaitForStatusAsync(admin, id, "Completed");
        Assert.Equal("re_9", workflow.GetProperty("output").GetProperty(TestWorkflows.AwaitConfirmation).GetProperty("refundId").GetString());
        Assert.Contains(WorkflowPolling.History(workflow, "EventReceived"), e => e.GetProperty("name").GetString() == "Confirmed");
        Assert.True(workflow.GetProperty("currentStep").ValueKind == System.Text.Json.JsonValueKind.Null);
        // A malformed name in the path is refused at the boundary, like any malformed path segment.
        await (await admin.PostAsync($"/api/workflows/{id}/events/not%20valid", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await admin.PostAsync("/api/workflows/nope/events/Confirmed", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AnEventRaisedBeforeTheWait_IsKeptUntilTheWaitAsksForIt()
    {
        var (admin, member) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var id = await StartConfirmationAsync(member);

        await Client.RaiseEventAsync(Actor(member), id, TestWorkflows.Confirmed, null);

        await WorkflowPolling.WaitForStatusAsync(admin, id, "Completed");
    }

    [Fact]
    public async Task Terminate_NeedsAReasonStopsTheInstanceAndCannotBeRepeated()
    {
        var (admin, member) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var id = await StartConfirmationAsync(member);
        await WorkflowPolling.WaitForStatusAsync(admin, id, "Waiting");

        await (await admin.PostAsJsonAsync($"/api/workflows/{id}/terminate", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var response = await admin.PostAsJsonAsync($"/api/workflows/{id}/terminate", new { reason = "Customer withdrew the request" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var workflow = await WorkflowPolling.WaitForStatusAsync(admin, id, "Terminated");
        Assert.Contains(workflow.GetProperty("history").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "ExecutionTerminated"
            && e.GetProperty("detail").GetString() == "Customer withdrew the request");
        await (await admin.PostAsJsonAsync($"/api/workflows/{id}/terminate", new { reason = "again" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "workflow_finished");
        await (await admin.PostAsync($"/api/workflows/{id}/events/Confirmed", null)).AssertProblemAsync(HttpStatusCode.Conflict, "workflow_finished");
    }

    [Fact]
    public async Task StartingWithTheSameId_ReturnsTheRunningInstance()
    {
        var (admin, member) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var id = await StartConfirmationAsync(member);

        var again = await Client.StartAsync(Actor(member), TestWorkflows.Confirmation.Type, id, new { orderId = "other" });

        Assert.False(again.Created);
        Assert.Equal(id, again.InstanceId);
        var workflow = await WorkflowPolling.WaitForStatusAsync(admin, id, "Waiting");
        Assert.Single(WorkflowPolling.History(workflow, "ExecutionStarted"));
        Assert.Equal(1, (await Client.FindAsync(id))!.Execution);
    }

    [Fact]
    public async Task WorkflowsOfAType_AreOnlyVisibleWithItsPermission()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var (finance, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Finance);
        var target = await TestStaff.CreateAsync(_factory, RoleCatalog.Auditor);
        var offboarding = await (await admin.PostAsJsonAsync($"/api/staff/{target.Id}/offboard", new { reason = "Contract ended" }))
            .ReadJsonAsync(HttpStatusCode.Accepted);
        var id = offboarding.GetProperty("workflowId").GetString();

        await (await finance.GetAsync($"/api/workflows/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await finance.GetAsync("/api/workflows?type=offboarding")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var visible = await (await finance.GetAsync("/api/workflows?pageSize=500")).ReadJsonAsync();
        Assert.DoesNotContain(visible.GetProperty("items").EnumerateArray(), i => i.GetProperty("type").GetString() == "offboarding");
        var (auditor, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Auditor);
        await (await auditor.GetAsync($"/api/workflows/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.GetAsync($"/api/workflows/{id}")).ReadJsonAsync();
    }

    private async Task<string> StartConfirmationAsync(Admin.Staff.StaffMember member, object? input = null)
    {
        var id = "api-" + Guid.NewGuid().ToString("N");
        Assert.True((await Client.StartAsync(Actor(member), TestWorkflows.Confirmation.Type, id, input)).Created);
        return id;
    }

    private static Actor Actor(Admin.Staff.StaffMember m) =>
        new(m.Id, m.Email, m.Roles, RoleCatalog.PermissionsOf(m.Roles), null, null, null, null);
}
