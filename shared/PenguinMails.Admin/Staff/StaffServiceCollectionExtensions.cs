using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Staff.Offboarding;

namespace PenguinMails.Admin.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>
    /// Staff, sessions, sign-in, the first-administrator bootstrap and the offboarding service (its workflows run on the
    /// Workflows engine).
    /// </summary>
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddSingleton<SessionService>();
        services.AddSingleton<StaffGuards>();
        services.AddSingleton<StaffService>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<StaffBootstrapper>();
        services.AddSingleton<StaffOffboardingService>();
        return services;
    }
}
