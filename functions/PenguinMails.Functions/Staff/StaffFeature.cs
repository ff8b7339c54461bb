using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Staff.Workflows;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Staff;

/// <summary>Staff, sign-in and sessions, and the staff workflows (offboarding, emergency revocation) on the Durable Task engine.</summary>
public static class StaffFeature
{
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddStaffInfrastructure(builder.Configuration);
        builder.Services.AddStaffWorkflows();
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
