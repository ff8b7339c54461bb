using DurableTask.Core.History;
using PenguinMails.Admin.Workflows;
using PenguinMails.Workflows.CrashHost;

namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>
/// Kills a real worker process at each boundary of a step and lets a second process finish the instance: what DTFx
/// had recorded is kept (no step before the crash runs again), what it had not is redone, and every effect is
/// applied exactly once. The second worker takes the instance over once the dead one's partition lease runs out
/// (8 s here; 30 s by default), and a message the dead one had taken once its visibility timeout does (5 s here;
/// 5 min by default).
/// </summary>
[Collection(CrashTestCollection.Name)]
public sealed class WorkflowCrashTests
{
    private readonly CrashTestHub _hub = new(leaseInterval: TimeSpan.FromSeconds(8), messageVisibility: TimeSpan.FromSeconds(5));

    [Fact]
    public async Task KilledInAnEpisodeBeforeItIsRecorded_TheMessageComesBackAndTheFinishedActivityDoesNotRunAgain()
    {
        var id = await _hub.StartAsync(holdSeconds: 1);
        await using (var first = await WorkerProcess.StartAsync(_hub, "worker-1", $"{CrashPoint.BeforeCheckpoint}:{nameof(Charge)}"))
        {
            await AssertCrashedAsync(first, $"crash {CrashPoint.BeforeCheckpoint} {nameof(Charge)} {id}");
        }

        // Reserve ran and its completion message was taken, but the episode that read it was lost with the process.
        Assert.Equal([nameof(Reserve)], Steps(await _hub.Ledger.RunsAsync(id)));
        var atCrash = await _hub.HistoryAsync(id);
        AssertScheduledNotCompleted(atCrash, nameof(Reserve));
        Assert.DoesNotContain(atCrash, e => e.Type == EventType.TaskScheduled && e.Name == nameof(Charge));

        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        await AssertFinishedOnceAsync(id);
        Assert.Equal(Runs((nameof(Reserve), "worker-1"), (nameof(Charge), "worker-2"), (nameof(Ship), "worker-2")), Sorted(await _hub.Ledger.RunsAsync(id)));
    }

    [Fact]
    public async Task KilledAsAnActivityStarts_TheSecondWorkerRunsItOnce()
    {
        var id = await _hub.StartAsync(holdSeconds: 1);
        await using (var first = await WorkerProcess.StartAsync(_hub, "worker-1", $"{CrashPoint.BeforeActivity}:{nameof(Charge)}"))
        {
            await AssertCrashedAsync(first, $"crash {CrashPoint.BeforeActivity} {nameof(Charge)} {id}");
        }

        Assert.Equal([nameof(Reserve)], Steps(await _hub.Ledger.EffectsAsync(id)));
        Assert.Equal([nameof(Reserve)], Steps(await _hub.Ledger.RunsAsync(id)));
        AssertScheduledNotCompleted(await _hub.HistoryAsync(id), nameof(Charge));

        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        await AssertFinishedOnceAsync(id);
        var runs = await _hub.Ledger.RunsAsync(id);
        Assert.Equal(Runs((nameof(Reserve), "worker-1"), (nameof(Charge), "worker-2"), (nameof(Ship), "worker-2")), Sorted(runs));
    }

    [Fact]
    public async Task KilledAfterTheEffectBeforeTheCompletionIsRecorded_TheActivityRunsAgainAndTheEffectHappensOnce()
    {
        var id = await _hub.StartAsync(holdSeconds: 1);
        await using (var first = await WorkerProcess.StartAsync(_hub, "worker-1", $"{CrashPoint.AfterEffect}:{nameof(Charge)}"))
        {
            await AssertCrashedAsync(first, $"crash {CrashPoint.AfterEffect} {nameof(Charge)} {id}");
        }

        Assert.Equal([nameof(Charge), nameof(Reserve)], Steps(await _hub.Ledger.EffectsAsync(id)).Order());
        AssertScheduledNotCompleted(await _hub.HistoryAsync(id), nameof(Charge));

        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        await AssertFinishedOnceAsync(id);
        // At least once: the charge ran on both workers; its effect is still the first worker's, applied once.
        var runs = await _hub.Ledger.RunsAsync(id);
        Assert.Equal(Runs((nameof(Charge), "worker-1"), (nameof(Charge), "worker-2"), (nameof(Reserve), "worker-1"), (nameof(Ship), "worker-2")), Sorted(runs));
        Assert.Equal("worker-1", (await _hub.Ledger.EffectsAsync(id)).Single(e => e.Step == nameof(Charge)).Worker);
    }

    [Fact]
    public async Task KilledDuringADurableTimer_TheSecondWorkerFiresItOnceAndNothingBeforeItRunsAgain()
    {
        var id = await _hub.StartAsync(holdSeconds: 10);
        await using (var first = await WorkerProcess.StartAsync(_hub, "worker-1"))
        {
            await _hub.WaitForAsync(id, WorkflowRuntimeStatus.Waiting);
            await first.KillAsync();
        }

        var atCrash = await _hub.HistoryAsync(id);
        Assert.Single(atCrash, e => e.Type == EventType.TimerCreated);
        Assert.True(!atCrash.Any(e => e.Type == EventType.TimerFired), "The worker was killed after the timer fired: the test did not crash during it.");

        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        var instance = await AssertFinishedOnceAsync(id);
        Assert.True(instance.StepOutputs[CrashTestWorkflow.Hold].GetProperty("timedOut").GetBoolean());
        Assert.Single(await _hub.HistoryAsync(id), e => e.Type == EventType.TimerFired);
        Assert.Equal(Runs((nameof(Charge), "worker-1"), (nameof(Reserve), "worker-1"), (nameof(Ship), "worker-2")), Sorted(await _hub.Ledger.RunsAsync(id)));
    }

    [Fact]
    public async Task KilledWhileWaitingForAnEvent_TheEventRaisedMeanwhileIsDeliveredToTheSecondWorker()
    {
        var id = await _hub.StartAsync(holdSeconds: null);
        await using (var first = await WorkerProcess.StartAsync(_hub, "worker-1"))
        {
            await _hub.WaitForAsync(id, WorkflowRuntimeStatus.Waiting);
            await first.KillAsync();
        }
        await _hub.RaiseAsync(id, CrashTestWorkflow.Release, new { releasedBy = "crash-test" });

        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        var instance = await AssertFinishedOnceAsync(id);
        Assert.Equal("crash-test", instance.StepOutputs[CrashTestWorkflow.Hold].GetProperty("releasedBy").GetString());
        Assert.Single(await _hub.HistoryAsync(id), e => e.Type == EventType.EventRaised && e.Name == CrashTestWorkflow.Release);
        Assert.Equal(Runs((nameof(Charge), "worker-1"), (nameof(Reserve), "worker-1"), (nameof(Ship), "worker-2")), Sorted(await _hub.Ledger.RunsAsync(id)));
    }

    private static async Task AssertCrashedAsync(WorkerProcess worker, string crashLine)
    {
        var exitCode = await worker.WaitForExitAsync();
        Assert.NotEqual(0, exitCode);
        Assert.True(worker.Lines.Contains(crashLine), $"Worker {worker.Name} did not die at '{crashLine}':\n{worker.Output}");
    }

    /// <summary>
    /// Completed with every step's output; each activity scheduled once (the instance never went back), its effect
    /// applied once, and the status API's history shows each step completed once. DTFx may record a completion twice:
    /// a worker killed after recording an episode and before deleting its message has that message delivered again
    /// (the replay ignores the second).
    /// </summary>
    private async Task<WorkflowInstance> AssertFinishedOnceAsync(string id)
    {
        var instance = await _hub.WaitForAsync(id, WorkflowRuntimeStatus.Completed);
        Assert.Equal(CrashTestWorkflow.Definition.Steps.Order(), instance.StepOutputs.Keys.Order());
        Assert.Equal(CrashTestWorkflow.Activities.Order(), Steps(await _hub.Ledger.EffectsAsync(id)).Order());
        var history = await _hub.HistoryAsync(id);
        foreach (var activity in CrashTestWorkflow.Activities)
        {
            var scheduled = Assert.Single(history, e => e.Type == EventType.TaskScheduled && e.Name == activity);
            Assert.Contains(history, e => e.Type == EventType.TaskCompleted && e.TaskScheduledId == scheduled.EventId);
        }
        Assert.DoesNotContain(history, e => e.Type == EventType.TaskFailed);
        Assert.Single(history, e => e.Type == EventType.ExecutionStarted);
        Assert.Single(history, e => e.Type == EventType.ExecutionCompleted);
        var shown = (await _hub.ApiHistoryAsync(id)).Where(l => l.EventType == WorkflowHistoryEventTypes.ActivityCompleted).Select(l => l.Name);
        Assert.Equal(CrashTestWorkflow.Activities, shown);
        return instance;
    }

    private static void AssertScheduledNotCompleted(List<HistoryLine> history, string activity)
    {
        var scheduled = Assert.Single(history, e => e.Type == EventType.TaskScheduled && e.Name == activity);
        Assert.DoesNotContain(history, e => e.Type == EventType.TaskCompleted && e.TaskScheduledId == scheduled.EventId);
    }

    private static List<string> Steps(List<LedgerRow> rows) => rows.Select(r => r.Step).ToList();

    private static List<LedgerRow> Sorted(List<LedgerRow> rows) => rows.OrderBy(r => r.Step).ThenBy(r => r.Worker).ToList();

    private static List<LedgerRow> Runs(params (string Step, string Worker)[] runs) =>
        runs.Select(r => new LedgerRow(r.Step, r.Worker)).OrderBy(r => r.Step).ThenBy(r => r.Worker).ToList();
}
