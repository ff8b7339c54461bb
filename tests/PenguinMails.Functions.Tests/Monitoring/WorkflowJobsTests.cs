using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// GET /api/monitoring/jobs per workflow type, read from the task hub's instance records: workflows run on the real
/// engine on Azurite, and a second app instance on the same storage reports the same figures.
/// </summary>
public sealed class WorkflowJobsTests : IDisposable
{
    private static readonly Actor Starter = Actor.System("tests");
    private readonly AdminAppFactory _factory = new AdminAppFactory().Register();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task FinishedWorkflows_ShowPerTypeOverTheLastHourAndDay_WithTheLastSuccessAndFailure()
    {
        await RunAsync(_factory, TestWorkflows.ThreeSteps);
        await RunAsync(_factory, TestWorkflows.Failing);

        // Another instance of the app, on the same task hub, completes one more.
        await using var other = new SameStorageApp(_factory.StoragePrefix);
        other.Register();
        await RunAsync(other, TestWorkflows.ThreeSteps);

        foreach (var app in new[] { _factory, other })
        {
            var (client, _) = await TestStaff.SignInAsync(app, RoleCatalog.SecurityOfficer);
            var steps = await JobAsync(client, TestWorkflows.ThreeSteps.Type);
            Assert.Equal("workflow", steps.GetProperty("kind").GetString());
            AssertWindow(steps.GetProperty("lastHour"), runs: 2, failures: 0);
            AssertWindow(steps.GetProperty("lastDay"), runs: 2, failures: 0);
            Assert.NotEqual(JsonValueKind.Null, steps.GetProperty("lastSuccessAt").ValueKind);
            Assert.Equal(JsonValueKind.Null, steps.GetProperty("lastFailureAt").ValueKind);

            var failing = await JobAsync(client, TestWorkflows.Failing.Type);
            AssertWindow(failing.GetProperty("lastHour"), runs: 1, failures: 1);
            Assert.Equal(JsonValueKind.Null, failing.GetProperty("lastSuccessAt").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, failing.GetProperty("lastFailureAt").ValueKind);
            Assert.Contains("This step always fails.", failing.GetProperty("lastError").GetString());

            var idle = await JobAsync(client, TestWorkflows.Confirmation.Type);
            AssertWindow(idle.GetProperty("lastDay"), runs: 0, failures: 0);
        }
    }

    [Fact]
    public async Task TerminatedWorkflows_CountAsRunsButNotFailures()
    {
        var workflows = _factory.Services.GetRequiredService<IWorkflowClient>();
        var id = "terminated-" + Guid.NewGuid().ToString("N");
        await workflows.StartAsync(Starter, TestWorkflows.Confirmation.Type, id, null);
        await Eventually.ValueAsync(() => workflows.FindAsync(id), i => i?.Status == WorkflowRuntimeStatus.Waiting);
        await workflows.TerminateAsync(Starter, id, "not needed");
        await Eventually.ValueAsync(() => workflows.FindAsync(id), i => i?.Status == WorkflowRuntimeStatus.Terminated);

        var (client, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var confirmation = await JobAsync(client, TestWorkflows.Confirmation.Type);
        AssertWindow(confirmation.GetProperty("lastHour"), runs: 1, failures: 0);
        Assert.Equal(JsonValueKind.Null, confirmation.GetProperty("lastSuccessAt").ValueKind);
    }

    private static async Task RunAsync(AdminAppFactory app, WorkflowDefinition definition)
    {
        var workflows = app.Services.GetRequiredService<IWorkflowClient>();
        var id = definition.Type + "-" + Guid.NewGuid().ToString("N");
        await workflows.StartAsync(Starter, definition.Type, id, null);
        await Eventually.ValueAsync(() => workflows.FindAsync(id), i => i?.IsTerminal == true, TimeSpan.FromSeconds(60), $"{id} did not finish.");
    }

    private static async Task<JsonElement> JobAsync(HttpClient client, string name) =>
        await MonitoringQueuesAndJobsTests.FindAsync(client, "/api/monitoring/jobs", "name", name) ?? throw new InvalidOperationException($"No job {name}.");

    private static void AssertWindow(JsonElement window, long runs, long failures) =>
        Assert.Equal((runs, failures), (window.GetProperty("runs").GetInt64(), window.GetProperty("failures").GetInt64()));

    private sealed class SameStorageApp(string prefix) : AdminAppFactory(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
}
