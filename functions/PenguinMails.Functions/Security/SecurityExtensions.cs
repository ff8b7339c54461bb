using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using PenguinMails.Admin.Security;

namespace PenguinMails.Functions.Security;

public static class SecurityExtensions
{
    public static WebApplicationBuilder AddSessionAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        builder.Services.AddHttpContextAccessor();
        // Handlers take the acting staff member as a parameter: `(Actor actor, ...)`.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext!.GetActor());
        builder.Services.AddHostedService<EndpointPermissionCheck>();
        return builder;
    }
}
