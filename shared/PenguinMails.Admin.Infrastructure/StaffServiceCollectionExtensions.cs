using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Staff;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Infrastructure;

public static class StaffServiceCollectionExtensions
{
    /// <summary>Staff, sessions, sign-in and the audit log.</summary>
    public static IServiceCollection AddStaffInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorageTables(TableStaffStore.TableName, TableSessionStore.TableName, TableSignInThrottle.TableName);
        services.AddSingleton<IStaffStore, TableStaffStore>();
        services.AddSingleton<ISessionStore, TableSessionStore>();
        services.AddSingleton<ISignInThrottle, TableSignInThrottle>();
        services.AddAuditInfrastructure(configuration);
        services.AddSingleton(configuration.GetSection("Auth:Oidc").Get<OidcOptions>() ?? new OidcOptions());
        services.AddHttpClient(nameof(OidcIdTokenValidator));
        services.AddSingleton<IIdTokenValidator>(sp => new OidcIdTokenValidator(
            sp.GetRequiredService<OidcOptions>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OidcIdTokenValidator))));
        services.AddSingleton<SessionService>();
        services.AddSingleton<StaffGuards>();
        services.AddSingleton<StaffService>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<StaffBootstrapper>();
        return services;
    }
}
