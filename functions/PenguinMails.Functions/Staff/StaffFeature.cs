using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Staff;

public static class StaffFeature
{
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddStaffInfrastructure(builder.Configuration);
        builder.Services.AddTimerFunction<SweepExpiredSessionsFunction>("SweepExpiredSessions", SweepExpiredSessionsFunction.Schedule);
        builder.Services.AddStaffOffboarding();
        return builder;
    }

    public static void MapStaff(this WebApplication app)
    {
        app.MapAuthApi();
        app.MapStaffApi();
        app.MapStaffOffboardingApi();
    }
}
