using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>
/// The engine as the standalone app runs it: real time, the queue function on the local trigger runner, retries
/// and timers carried by the queue's visibility delay. The queue may hold a message for 1 s only, so the timer chains.
/// </summary>
public sealed class WorkflowRealTimeTests : IDisposable
{
    private static readonly Actor Starter = Actor.System("tests");
    private readonly AdminAppFactory _factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
    {
        ["Triggers:RunLocally"] = "true",
        ["Workflows:MaxQueueDelay"] = "00:00:01",
    }).Register();

    public void Dispose() => _factory.Dispose();

    private WorkflowClient Client => _factory.Services.GetRequiredService<WorkflowClient>();

    [Fact]
    public async Task TimerLongerThanTheQueueAllows_IsChainedAndFiresWhenDue()
    {
        var id = "nap-" + Guid.NewGuid().ToString("N");
        await Client.StartAsync(Starter, TestWorkflows.ShortNap.Type, id, null);

        var status = await WaitAsync(id, WorkflowRuntimeStatus.Completed);
        var fired = Assert.Single(status.History, h => h.EventType == TimerFired);
        Assert.True(fired.StartedTime >= fired.DueTime, $"The timer fired at {fired.StartedTime:O}, before it was due at {fired.DueTime:O}.");
        Assert.Equal(TimeSpan.FromSeconds(3), fired.DueTime - status.History.Single(h => h.EventType == ExecutionStarted).Timestamp);
    }

    [Fact]
    public async Task TransientActivityFailures_AreRetriedWithBackoffUntilTheySucceed()
    {
        var id = "flaky-" + Guid.NewGuid().ToString("N");
        await Client.StartAsync(Starter, TestWorkflows.Flaky.Type, id, "transient");

        var status = await WaitAsync(id, WorkflowRuntimeStatus.Completed);
        var failures = status.History.Where(h => h.EventType == ActivityFailed).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal("Retrying", f.Status));
        Assert.Equal(3, FlakyActivity.Attempts[id]);
    }

    [Fact]
    public async Task ActivityThatKeepsFailing_FailsTheInstanceWithTheError()
    {
        var id = "doomed-" + Guid.NewGuid().ToString("N");
        await Client.StartAsync(Starter, TestWorkflows.Flaky.Type, id, "always");

        var status = await WaitAsync(id, WorkflowRuntimeStatus.Failed);
        Assert.Equal(3, FlakyActivity.Attempts[id]);
        Assert.Contains("TimeoutException", status.Instance.Error);
        Assert.StartsWith("Failed at FlakyActivity", status.Instance.CustomStatus);
    }

    [Fact]
    public async Task DeterministicFailure_IsNotRetried()
    {
        var id = "conflict-" + Guid.NewGuid().ToString("N");
        await Client.StartAsync(Starter, TestWorkflows.Flaky.Type, id, "deterministic");

        var status = await WaitAsync(id, WorkflowRuntimeStatus.Failed);
        Assert.Equal(1, FlakyActivity.Attempts[id]);
        Assert.Contains("conflict", status.Instance.Error);
    }

    private async Task<WorkflowStatus> WaitAsync(string id, WorkflowRuntimeStatus expected)
    {
        WorkflowStatus? status = null;
        await Eventually.TrueAsync(async () =>
        {
            status = await Client.GetAsync(id);
            return status.Instance.Status == expected;
        }, TimeSpan.FromSeconds(30), $"Workflow {id} did not become {expected}.");
        return status!;
    }
}
