using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Staff.Offboarding;

namespace PenguinMails.Admin.Infrastructure.Staff.Workflows;

/// <summary>Offboarding: remove roles → revoke sessions → mark offboarded → audit review (the request did the first two already).</summary>
public sealed class OffboardingOrchestrator(DurableWorkflowOptions options) : WorkflowOrchestrator(options)
{
    protected override string Type => OffboardingWorkflows.OffboardingType;

    protected override async Task RunStepsAsync(WorkflowSteps steps)
    {
        await steps.RunAsync<RemoveRoles>();
        await steps.RunAsync<RevokeSessions>();
        await steps.RunAsync<MarkOffboarded>();
        await steps.RunAsync<AuditReview>();
    }
}
