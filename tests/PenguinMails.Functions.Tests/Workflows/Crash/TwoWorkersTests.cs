using DurableTask.Core.History;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Workflows.CrashHost;

namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>
/// Two real worker processes on one task hub, on one machine, running many instances at once. Each instance is
/// advanced by one worker only (the one holding its partition: every episode of it ran there), along one history
/// (every step scheduled, run and recorded once), and DTFx never caught one worker committing over the other.
/// </summary>
public sealed class TwoWorkersTests
{
    private const int Instances = 24;
    private const int Partitions = 4; // DurableWorkflowOptions.PartitionCount's default

    // The default lease: partitions stay where they are while the test runs, so a move cannot explain an instance
    // advanced by both.
    private readonly CrashTestHub _hub = new(leaseInterval: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task TwoWorkersOnOneHub_NeverBothAdvanceAnInstance()
    {
        await using var first = await WorkerProcess.StartAsync(_hub, "worker-1");
        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        WorkerProcess[] workers = [first, second];
        // The second worker's share moves over from the first; then each owns half and nobody is handing over.
        await Eventually.TrueAsync(async () =>
        {
            var partitions = await _hub.PartitionsAsync();
            return partitions.Count == Partitions && !partitions.Any(p => p.Draining)
                && workers.All(w => partitions.Count(p => p.Owner == w.WorkerId) == Partitions / 2);
        }, TimeSpan.FromSeconds(90), "The two workers did not share the partitions.");

        var ids = new List<string>();
        for (var i = 0; i < Instances; i++)
        {
            ids.Add(await _hub.StartAsync(holdSeconds: 1));
        }

        foreach (var id in ids)
        {
            await _hub.WaitForAsync(id, WorkflowRuntimeStatus.Completed);
            var history = await _hub.HistoryAsync(id);
            foreach (var activity in CrashTestWorkflow.Activities)
            {
                var scheduled = Assert.Single(history, e => e.Type == EventType.TaskScheduled && e.Name == activity);
                Assert.Single(history, e => e.Type == EventType.TaskCompleted && e.TaskScheduledId == scheduled.EventId);
            }
            Assert.Single(history, e => e.Type == EventType.TimerFired);
            Assert.Single(history, e => e.Type == EventType.ExecutionCompleted);
            Assert.Equal(CrashTestWorkflow.Activities.Order(), (await _hub.Ledger.EffectsAsync(id)).Select(e => e.Step).Order());
            Assert.Equal(CrashTestWorkflow.Activities.Order(), (await _hub.Ledger.RunsAsync(id)).Select(r => r.Step).Order());
            var advancedBy = workers.Where(w => w.EpisodesOf(id) > 0).Select(w => w.Name).ToList();
            Assert.True(advancedBy.Count == 1, $"{id} was advanced by {string.Join(" and ", advancedBy)}.");
        }

        // Both advanced instances (their partitions' share), or the test proves nothing about two workers.
        Assert.All(workers, w => Assert.Contains(ids, id => w.EpisodesOf(id) > 0));
        foreach (var worker in workers)
        {
            Assert.DoesNotContain(worker.Lines, l => l.Contains("Split brain detected", StringComparison.Ordinal));
        }
    }
}
