using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// GET /api/monitoring/jobs per workflow type: workflows run through the real engine on Azurite, on a clock the test
/// moves, and a second app instance on the same storage reports the same, durable figures.
/// </summary>
public sealed class WorkflowJobsTests : IDisposable
{
    private static readonly Actor Starter = Actor.System("tests");
    private readonly FakeTimeProvider _time = new(WholeSecond(DateTimeOffset.UtcNow));
    private readonly AdminAppFactory _factory;
    private readonly TestWorker _worker;

    public WorkflowJobsTests()
    {
        _factory = new AdminAppFactory { Time = _time }.Register();
        _worker = new TestWorker(_factory);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task FinishedWorkflows_ShowPerTypeOverTheLastHourAndDay_WithTheLastSuccessAndFailure()
    {
        await RunAsync(_worker, TestWorkflows.Flaky, "deterministic");
        _time.Advance(TimeSpan.FromHours(2));
        var now = _time.GetUtcNow();
        await RunAsync(_worker, TestWorkflows.ThreeSteps, null);
        await RunAsync(_worker, TestWorkflows.Flaky, "deterministic");

        // Another instance of the app, on the same tables and clock, completes one more.
        await using var other = new SameStorageApp(_factory.StoragePrefix) { Time = _time };
        other.Register();
        await RunAsync(new TestWorker(other), TestWorkflows.ThreeSteps, null);

        foreach (var app in new[] { _factory, other })
        {
            var (client, _) = await TestStaff.SignInAsync(app, RoleCatalog.SecurityOfficer);
            var steps = await JobAsync(client, TestWorkflows.ThreeSteps.Type);
            Assert.Equal("workflow", steps.GetProperty("kind").GetString());
            AssertWindow(steps.GetProperty("lastHour"), runs: 2, failures: 0);
            AssertWindow(steps.GetProperty("lastDay"), runs: 2, failures: 0);
            Assert.Equal(now, steps.GetProperty("lastSuccessAt").GetDateTimeOffset());
            Assert.Equal(JsonValueKind.Null, steps.GetProperty("lastFailureAt").ValueKind);
            Assert.Equal(JsonValueKind.Null, steps.GetProperty("lastError").ValueKind);

            var flaky = await JobAsync(client, TestWorkflows.Flaky.Type);
            AssertWindow(flaky.GetProperty("lastHour"), runs: 1, failures: 1);
            AssertWindow(flaky.GetProperty("lastDay"), runs: 2, failures: 2);
            Assert.Equal(JsonValueKind.Null, flaky.GetProperty("lastSuccessAt").ValueKind);
            Assert.Equal(now, flaky.GetProperty("lastFailureAt").GetDateTimeOffset());
            Assert.Equal("conflict: This change can never succeed.", flaky.GetProperty("lastError").GetString());

            var idle = await JobAsync(client, TestWorkflows.Nap.Type);
            AssertWindow(idle.GetProperty("lastDay"), runs: 0, failures: 0);
        }

        // A day later the recent runs have left both windows, but the last success and failure remain.
        _time.Advance(TimeSpan.FromHours(25));
        var (later, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var old = await JobAsync(later, TestWorkflows.Flaky.Type);
        AssertWindow(old.GetProperty("lastDay"), runs: 0, failures: 0);
        Assert.Equal(now, old.GetProperty("lastFailureAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TerminatedWorkflows_CountAsRunsButNotFailures()
    {
        var id = "terminated-" + Guid.NewGuid().ToString("N");
        await _worker.Client.StartAsync(Starter, TestWorkflows.Nap.Type, id, null);
        await _worker.DrainAsync();
        await _worker.Client.TerminateAsync(Starter, id, "not needed");

        var (client, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var nap = await JobAsync(client, TestWorkflows.Nap.Type);
        AssertWindow(nap.GetProperty("lastHour"), runs: 1, failures: 0);
        Assert.Equal(JsonValueKind.Null, nap.GetProperty("lastSuccessAt").ValueKind);
    }

    [Fact]
    public async Task ACrashBeforeTheCompletionIsRecorded_IsFinishedByTheSweeper()
    {
        var id = "crash-" + Guid.NewGuid().ToString("N");
        await _worker.Client.StartAsync(Starter, TestWorkflows.ThreeSteps.Type, id, null);
        await _worker.DrainAsync(_worker.Engine(runs: new CrashOnFinish(_worker.Runs)));
        var stranded = await _worker.InstanceAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Completed, stranded.Status);
        Assert.NotNull(stranded.DueAt); // still due: the run is not recorded yet
        var (client, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        AssertWindow((await JobAsync(client, TestWorkflows.ThreeSteps.Type)).GetProperty("lastHour"), runs: 0, failures: 0);

        _time.Advance(_factory.Services.GetRequiredService<WorkflowOptions>().SweepGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await _worker.Sweeper.SweepAsync()).Redriven);
        await _worker.DrainAsync();

        Assert.Contains(WorkflowWorkOutcome.FinishRecorded, _worker.Outcomes);
        Assert.Null((await _worker.InstanceAsync(id)).DueAt);
        var steps = await JobAsync(client, TestWorkflows.ThreeSteps.Type);
        AssertWindow(steps.GetProperty("lastHour"), runs: 1, failures: 0);
        Assert.Equal(stranded.LastUpdatedTime, steps.GetProperty("lastSuccessAt").GetDateTimeOffset());
    }

    private static async Task RunAsync(TestWorker worker, WorkflowDefinition definition, string? input)
    {
        var id = definition.Type + "-" + Guid.NewGuid().ToString("N");
        await worker.Client.StartAsync(Starter, definition.Type, id, input);
        await worker.DrainAsync();
        Assert.True((await worker.InstanceAsync(id)).IsTerminal, $"{id} did not finish.");
    }

    private static async Task<JsonElement> JobAsync(HttpClient client, string name) =>
        await MonitoringQueuesAndJobsTests.FindAsync(client, "/api/monitoring/jobs", "name", name) ?? throw new InvalidOperationException($"No job {name}.");

    private static void AssertWindow(JsonElement window, long runs, long failures) =>
        Assert.Equal((runs, failures), (window.GetProperty("runs").GetInt64(), window.GetProperty("failures").GetInt64()));

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>The worker "dies" when it comes to record a finished run.</summary>
    private sealed class CrashOnFinish(IWorkflowRunLog inner) : IWorkflowRunLog
    {
        public Task RecordStartAsync(WorkflowInstance started, CancellationToken cancellationToken = default) => inner.RecordStartAsync(started, cancellationToken);

        public Task RecordFinishAsync(WorkflowInstance finished, CancellationToken cancellationToken = default) =>
            throw new SimulatedCrash("after the completing commit, before the run was recorded");

        public Task<IReadOnlyList<WorkflowRun>> ListStartedAsync(string type, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            inner.ListStartedAsync(type, from, to, cancellationToken);

        public Task<IReadOnlyList<WorkflowRun>> ListFinishedAsync(string type, WorkflowRuntimeStatus outcome, DateTimeOffset since,
            CancellationToken cancellationToken = default) => inner.ListFinishedAsync(type, outcome, since, cancellationToken);

        public Task<WorkflowRun?> LastFinishedAsync(string type, WorkflowRuntimeStatus outcome, CancellationToken cancellationToken = default) =>
            inner.LastFinishedAsync(type, outcome, cancellationToken);
    }

    private sealed class SameStorageApp(string prefix) : AdminAppFactory(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
}
