using System.Text.Json;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Tests.Workflows;

public sealed class WorkflowTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly WorkflowDefinition Definition = WorkflowDefinition.Create("sample")
        .Timer("Pause", TimeSpan.FromMinutes(5))
        .WaitForEvent("Wait", "Go", TimeSpan.FromHours(1))
        .Build();

    [Fact]
    public void EnteringAStep_BumpsTheSequenceAndSchedulesIt()
    {
        var history = new List<WorkflowHistoryEvent>();
        var started = WorkflowTransitions.Start(Fresh(), Definition, Now, history);

        Assert.Equal(1, started.Sequence);
        Assert.Equal(Now.AddMinutes(5), started.DueAt);
        Assert.Equal(WorkflowRuntimeStatus.Pending, started.Status);
        Assert.Equal(WorkflowHistoryEventTypes.ExecutionStarted, Assert.Single(history).EventType);
    }

    [Fact]
    public void EnteringAWait_IsDueAtTheTimeoutUnlessItsEventAlreadyArrived()
    {
        var waiting = WorkflowTransitions.Enter(Fresh(), Definition, 1, Now, []);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, waiting.Status);
        Assert.Equal(Now.AddHours(1), waiting.DueAt);
        Assert.Equal(Now.AddHours(1), waiting.TimeoutAt);

        var early = Fresh() with { PendingEvents = [new RaisedEvent("Go", null, Now.AddMinutes(-1))] };
        Assert.Equal(Now, WorkflowTransitions.Enter(early, Definition, 1, Now, []).DueAt);
    }

    [Fact]
    public void PassingTheLastStep_CompletesWithEveryStepsOutput_AndStaysDueUntilTheRunIsRecorded()
    {
        var outputs = new Dictionary<string, JsonElement> { ["Wait"] = JsonSerializer.SerializeToElement(new { ok = true }) };
        var history = new List<WorkflowHistoryEvent>();
        var done = WorkflowTransitions.Enter(Fresh() with { StepOutputs = outputs }, Definition, 2, Now, history);

        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        Assert.Equal(Now, done.DueAt);
        Assert.True(done.Output!.Value.GetProperty("Wait").GetProperty("ok").GetBoolean());
        Assert.Equal(WorkflowHistoryEventTypes.ExecutionCompleted, Assert.Single(history).EventType);
    }

    [Fact]
    public void CompletingEarly_SkipsTheRestAndShowsTheActivitysStatus()
    {
        var history = new List<WorkflowHistoryEvent>();
        var done = WorkflowTransitions.Enter(Fresh(), Definition, Definition.Steps.Count, Now, history, "Rejected: nothing to do");

        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        Assert.Equal("Rejected: nothing to do", done.CustomStatus);
        Assert.Equal("Rejected: nothing to do", Assert.Single(history).Detail);
    }

    [Fact]
    public void Failing_KeepsTheInstanceDueUntilTheFailureIsReported()
    {
        var failed = WorkflowTransitions.Fail(Fresh() with { LeaseOwner = "w", LeaseUntil = Now.AddMinutes(5) }, "Wait", "boom", Now, []);

        Assert.Equal(WorkflowRuntimeStatus.Failed, failed.Status);
        Assert.Equal("boom", failed.Error);
        Assert.Equal(Now, failed.DueAt);
        Assert.Null(failed.LeaseOwner);
    }

    private static WorkflowInstance Fresh() => new("id-1", "sample", WorkflowRuntimeStatus.Pending, null, null, null, Now, Now,
        new WorkflowStarter("s-1", "s@penguinmails.test", []), 1, 0, 1, 0, null, null, null, null, new Dictionary<string, JsonElement>(), [], null, 0);
}
