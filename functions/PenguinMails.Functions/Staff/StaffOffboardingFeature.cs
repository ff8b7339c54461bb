using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Staff.Offboarding;

namespace PenguinMails.Functions.Staff;

/// <summary>The staff workflows; they run on the Workflows engine and open tickets through the Tickets feature.</summary>
public static class StaffOffboardingFeature
{
    public static IServiceCollection AddStaffOffboarding(this IServiceCollection services)
    {
        services.AddWorkflowDefinition(OffboardingWorkflows.Offboarding);
        services.AddWorkflowDefinition(OffboardingWorkflows.EmergencyRevocation);
        services.AddSingleton<StaffOffboardingService>();
        return services;
    }
}
