using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Workflow definitions that exercise each kind of step; registered into the app under test.</summary>
public static class TestWorkflows
{
    public static WorkflowDefinition ThreeSteps { get; } = WorkflowDefinition.Create("test-three-steps")
        .Activity<RecordEffect>("First").Activity<RecordEffect>("Second").Activity<RecordEffect>("Third").Build();

    public static WorkflowDefinition Nap { get; } = WorkflowDefinition.Create("test-nap")
        .Timer("Nap", TimeSpan.FromHours(1)).Activity<RecordEffect>("Woke").Build();

    public static WorkflowDefinition ShortNap { get; } = WorkflowDefinition.Create("test-short-nap")
        .Timer("Nap", TimeSpan.FromSeconds(3)).Activity<RecordEffect>("Woke").Build();

    /// <summary>Like a refund: wait 3 days for confirmation, remind, wait 4 more days, else fail.</summary>
    public static WorkflowDefinition Confirmation { get; } = WorkflowDefinition.Create("test-confirmation")
        .WaitForEvent("AwaitConfirmation", "Confirmed", TimeSpan.FromDays(3), WaitTimeoutAction.Continue, continueAtOnEvent: "Done")
        .Activity<RecordEffect>("Remind")
        .WaitForEvent("AwaitAfterReminder", "Confirmed", TimeSpan.FromDays(4), WaitTimeoutAction.Fail)
        .Activity<RecordEffect>("Done")
        .Build();

    public static WorkflowDefinition Flaky { get; } = WorkflowDefinition.Create("test-flaky")
        .Activity<FlakyActivity>(new RetryPolicy(3, TimeSpan.FromMilliseconds(200))).Build();

    public static AdminAppFactory Register(this AdminAppFactory factory) => factory.WithServices(services =>
    {
        services.AddStorageTables(RecordEffect.TableName);
        foreach (var definition in new[] { ThreeSteps, Nap, ShortNap, Confirmation, Flaky })
        {
            services.AddWorkflowDefinition(definition);
        }
    });
}
