using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>
/// Crashes the worker at every boundary of a step and shows that the instance still completes and that each step's
/// effect happened exactly once. The store and queue are the real ones on Azurite; fault injectors wrap them.
/// </summary>
public sealed class WorkflowFaultInjectionTests : IDisposable
{
    private static readonly Actor Starter = Actor.System("tests");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly AdminAppFactory _factory;
    private readonly TestWorker _worker;

    public WorkflowFaultInjectionTests()
    {
        _factory = new AdminAppFactory { Time = _time }.Register();
        _worker = new TestWorker(_factory);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CrashBeforeAnActivity_IsRecoveredByTheSweeperOnceTheLeaseRunsOut()
    {
        var id = await StartAsync();
        await _worker.DrainAsync(_worker.Engine(new CrashingWorkflowStore(_worker.Store, id, CrashPoint.BeforeActivity)));
        Assert.Equal(WorkflowRuntimeStatus.Running, (await _worker.InstanceAsync(id)).Status);
        Assert.Equal(0, RecordEffect.ExecutionsOf(id));

        await RecoverAsync();

        await AssertCompletedWithEachEffectOnceAsync(id);
        Assert.Equal(3, RecordEffect.ExecutionsOf(id));
    }

    [Fact]
    public async Task CrashAfterTheEffectBeforeTheCommit_RunsTheActivityAgainButTheEffectHappensOnce()
    {
        var id = await StartAsync();
        await _worker.DrainAsync(_worker.Engine(new CrashingWorkflowStore(_worker.Store, id, CrashPoint.BeforeCommit)));
        Assert.Equal(1, RecordEffect.ExecutionsOf(id));
        Assert.Equal(0, (await _worker.InstanceAsync(id)).StepIndex);

        await RecoverAsync();

        await AssertCompletedWithEachEffectOnceAsync(id);
        Assert.Equal(4, RecordEffect.ExecutionsOf(id)); // the first step ran twice (at least once), its effect once
    }

    [Fact]
    public async Task CrashAfterTheCommitBeforeTheNextEnqueue_IsRecoveredByTheSweeper()
    {
        var id = await StartAsync();
        await _worker.DrainAsync(_worker.Engine(queue: new FaultyWorkQueue(_worker.Queue, id, crashOnce: true)));
        var stranded = await _worker.InstanceAsync(id);
        Assert.Equal(1, stranded.StepIndex);
        Assert.Equal(WorkflowRuntimeStatus.Running, stranded.Status);

        await RecoverAsync();

        await AssertCompletedWithEachEffectOnceAsync(id);
        Assert.Equal(3, RecordEffect.ExecutionsOf(id));
    }

    [Fact]
    public async Task EveryMessageDeliveredTwice_RunsEachStepOnce()
    {
        var id = await StartAsync();
        await _worker.DrainAsync(_worker.Engine(queue: new FaultyWorkQueue(_worker.Queue, id, duplicate: true)));

        await AssertCompletedWithEachEffectOnceAsync(id);
        Assert.Equal(3, RecordEffect.ExecutionsOf(id));
        Assert.Contains(WorkflowWorkOutcome.Stale, _worker.Outcomes);
    }

    [Fact]
    public async Task TwoWorkersAtOnce_NeverBothAdvanceTheInstance()
    {
        var id = await StartAsync();
        await _worker.DrainAsync(async item =>
        {
            var results = await Task.WhenAll(_worker.Engine().ProcessAsync(item), _worker.Engine().ProcessAsync(item));
            foreach (var result in results)
            {
                _worker.Outcomes.Add(result.Outcome);
            }
        });

        await AssertCompletedWithEachEffectOnceAsync(id);
        Assert.Equal(3, RecordEffect.ExecutionsOf(id));
        Assert.Equal(3, _worker.Outcomes.Count(o => o == WorkflowWorkOutcome.Advanced));
        Assert.Contains(_worker.Outcomes, o => o is WorkflowWorkOutcome.LostRace or WorkflowWorkOutcome.Busy or WorkflowWorkOutcome.Stale);
    }

    [Fact]
    public async Task WhileWorkersAreBehind_TheSweeperAddsNoDuplicates()
    {
        var id = await StartAsync();
        _time.Advance(TimeSpan.FromMinutes(10));

        var sweep = await _worker.Sweeper.SweepAsync();

        Assert.Equal(0, sweep.Redriven);
        Assert.True(sweep.WorkersBehindBy >= TimeSpan.FromMinutes(10));
        await _worker.DrainAsync();
        await AssertCompletedWithEachEffectOnceAsync(id);
    }

    [Fact]
    public async Task AStaleETag_CannotOverwriteTheInstance()
    {
        var id = await StartAsync();
        var read = (await _worker.Store.GetAsync(id))!;
        var first = _worker.Store.TryReplaceAsync(read.Value with { Attempt = 2 }, read.ETag, []);
        var second = _worker.Store.TryReplaceAsync(read.Value with { Attempt = 3 }, read.ETag, []);
        var written = await Task.WhenAll(first, second);

        Assert.Single(written, etag => etag is not null);
    }

    private async Task<string> StartAsync()
    {
        var id = "fault-" + Guid.NewGuid().ToString("N");
        Assert.True((await _worker.Client.StartAsync(Starter, TestWorkflows.ThreeSteps.Type, id, null)).Created);
        return id;
    }

    /// <summary>Time passes beyond the lease and the sweeper's grace; the sweeper re-drives; a healthy worker finishes.</summary>
    private async Task RecoverAsync()
    {
        var options = _factory.Services.GetRequiredService<WorkflowOptions>();
        _time.Advance(options.LeaseDuration + options.SweepGrace + TimeSpan.FromSeconds(1));
        Assert.True((await _worker.Sweeper.SweepAsync()).Redriven >= 1);
        await _worker.DrainAsync();
    }

    private async Task AssertCompletedWithEachEffectOnceAsync(string id)
    {
        var status = await _worker.Client.GetAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status.Instance.Status);
        Assert.Equal(["First", "Second", "Third"], status.History.Where(h => h.EventType == ActivityCompleted).Select(h => h.Name));
        Assert.Equal(["First", "Second", "Third"], (await RecordEffect.EffectsAsync(_worker.Storage, id)).Order());
    }
}
