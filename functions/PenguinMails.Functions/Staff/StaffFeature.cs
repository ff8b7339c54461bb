using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Staff.Offboarding;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Staff;

/// <summary>Staff, sign-in and sessions, and the staff workflows (offboarding, emergency revocation) on the Workflows engine.</summary>
public static class StaffFeature
{
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddStaffInfrastructure(builder.Configuration);
        builder.Services.AddWorkflowDefinition(OffboardingWorkflows.Offboarding);
        builder.Services.AddWorkflowDefinition(OffboardingWorkflows.EmergencyRevocation);
        builder.Services.AddTimerFunction<SweepExpiredSessionsFunction>(SweepExpiredSessionsFunction.Name, SweepExpiredSessionsFunction.Schedule);
        return builder;
    }

    public static void MapStaff(this WebApplication app)
    {
        app.MapAuthApi();
        app.MapStaffApi();
        app.MapStaffOffboardingApi();
    }
}
