using PenguinMails.Admin.Infrastructure.Staff.Workflows;
using PenguinMails.Admin.Staff.Offboarding;

namespace PenguinMails.Functions.Staff;

/// <summary>The staff workflows; they run on the Durable Task engine and open tickets through the Tickets feature.</summary>
public static class StaffOffboardingFeature
{
    public static IServiceCollection AddStaffOffboarding(this IServiceCollection services)
    {
        services.AddStaffWorkflows();
        services.AddSingleton<StaffOffboardingService>();
        return services;
    }
}
