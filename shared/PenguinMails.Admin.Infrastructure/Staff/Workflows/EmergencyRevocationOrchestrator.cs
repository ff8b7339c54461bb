using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Staff.Offboarding;

namespace PenguinMails.Admin.Infrastructure.Staff.Workflows;

/// <summary>Emergency revocation's follow-up: the access was cut in the request, so only the audit review (with priority) remains.</summary>
public sealed class EmergencyRevocationOrchestrator(DurableWorkflowOptions options) : WorkflowOrchestrator(options)
{
    protected override string Type => OffboardingWorkflows.EmergencyRevocationType;

    protected override async Task RunStepsAsync(WorkflowSteps steps) => await steps.RunAsync<AuditReview>();
}
