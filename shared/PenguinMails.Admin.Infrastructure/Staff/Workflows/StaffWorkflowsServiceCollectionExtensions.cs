using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Staff.Offboarding;

namespace PenguinMails.Admin.Infrastructure.Staff.Workflows;

public static class StaffWorkflowsServiceCollectionExtensions
{
    /// <summary>The offboarding and emergency-revocation orchestrators and their steps.</summary>
    public static IServiceCollection AddStaffWorkflows(this IServiceCollection services) => services
        .AddOrchestrator<OffboardingOrchestrator>(OffboardingWorkflows.Offboarding)
        .AddOrchestrator<EmergencyRevocationOrchestrator>(OffboardingWorkflows.EmergencyRevocation)
        .AddActivity<RemoveRoles>()
        .AddActivity<RevokeSessions>()
        .AddActivity<MarkOffboarded>()
        .AddActivity<AuditReview>();
}
