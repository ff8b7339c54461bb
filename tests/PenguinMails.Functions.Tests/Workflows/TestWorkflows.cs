using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Workflow definitions that exercise each kind of step on the real engine; registered into the app under test.</summary>
public static class TestWorkflows
{
    public const string Confirmed = "Confirmed";
    public const string AwaitConfirmation = "AwaitConfirmation";

    public static WorkflowDefinition ThreeSteps { get; } = new("test-three-steps", [nameof(First), nameof(Second), nameof(Third)]);

    public static WorkflowDefinition Confirmation { get; } = new("test-confirmation", [AwaitConfirmation, nameof(First)]);

    public static WorkflowDefinition Failing { get; } = new("test-failing", [nameof(AlwaysRejected)]);

    public static AdminAppFactory Register(this AdminAppFactory factory) => factory.WithServices(services =>
    {
        services.AddStorageTables(RecordEffect.TableName);
        services.AddOrchestrator<ThreeStepsOrchestrator>(ThreeSteps)
            .AddOrchestrator<ConfirmationOrchestrator>(Confirmation)
            .AddOrchestrator<FailingOrchestrator>(Failing)
            .AddActivity<First>().AddActivity<Second>().AddActivity<Third>().AddActivity<AlwaysRejected>();
    });

    public sealed class ThreeStepsOrchestrator(DurableWorkflowOptions options) : WorkflowOrchestrator(options)
    {
        protected override string Type => ThreeSteps.Type;

        protected override async Task RunStepsAsync(WorkflowSteps steps)
        {
            await steps.RunAsync<First>();
            await steps.RunAsync<Second>();
            await steps.RunAsync<Third>();
        }
    }

    public sealed class ConfirmationOrchestrator(DurableWorkflowOptions options) : WorkflowOrchestrator(options)
    {
        protected override string Type => Confirmation.Type;

        protected override async Task RunStepsAsync(WorkflowSteps steps)
        {
            await steps.WaitAsync(AwaitConfirmation, Confirmed);
            await steps.RunAsync<First>();
        }
    }

    public sealed class FailingOrchestrator(DurableWorkflowOptions options) : WorkflowOrchestrator(options)
    {
        protected override string Type => Failing.Type;

        protected override async Task RunStepsAsync(WorkflowSteps steps) => await steps.RunAsync<AlwaysRejected>();
    }
}
