using DurableTask.Core.History;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Workflows.CrashHost;

namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>
/// Two real worker processes on one task hub, on one machine, running many instances at once. Each instance is
/// advanced by one worker at a time: its episodes ran on one worker, or on one and then the other when its partition
/// moved, never back and forth. It has one history (every step scheduled, run and recorded once), and DTFx never
/// caught one worker committing over the other. A partition handed over can still see an episode or two on its old
/// owner after the partition table names the new one (work it had already taken), so "only ever one worker per
/// instance" is not what DTFx promises; one at a time, with the history's ETag as the guard, is.
/// </summary>
[Collection(CrashTestCollection.Name)]
public sealed class TwoWorkersTests
{
    private const int Instances = 24;
    private const int Partitions = 4; // DurableWorkflowOptions.PartitionCount's default

    // The default lease and message visibility: no worker dies here, so partitions stay where they are and no
    // message comes back while the test runs; neither can explain an instance advanced by both.
    private readonly CrashTestHub _hub = new(leaseInterval: TimeSpan.FromSeconds(30), messageVisibility: null);

    [Fact]
    public async Task TwoWorkersOnOneHub_NeverBothAdvanceAnInstance()
    {
        await using var first = await WorkerProcess.StartAsync(_hub, "worker-1");
        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        WorkerProcess[] workers = [first, second];
        // The second worker's share moves over from the first; then each owns half.
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
            // Episodes in the order they ran: one worker's, then (if its partition moved to the other while the
            // instance ran) the other's, never back and forth.
            var episodes = workers.SelectMany(w => w.EpisodesOf(id).Select(at => (At: at, w.Name))).OrderBy(e => e.At).ToList();
            var handovers = episodes.Zip(episodes.Skip(1)).Count(pair => pair.First.Name != pair.Second.Name);
            Assert.True(handovers <= 1, $"{id} went back and forth between the workers: {string.Join(", ", episodes.Select(e => $"{e.Name} {e.At:HH:mm:ss.fff}"))}");
        }

        // Both advanced instances (their partitions' share), or the test proves nothing about two workers.
        Assert.All(workers, w => Assert.Contains(ids, id => w.EpisodesOf(id).Count > 0));
        foreach (var worker in workers)
        {
            Assert.DoesNotContain(worker.Lines, l => l.Contains("Split brain detected", StringComparison.Ordinal));
        }
    }
}
