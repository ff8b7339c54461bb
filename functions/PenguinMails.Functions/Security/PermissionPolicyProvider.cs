using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PenguinMails.Admin.Security;

namespace PenguinMails.Functions.Security;

/// <summary>Builds "permission:x" policies on demand: an authenticated session holding permission x.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(PermissionEndpointExtensions.PolicyPrefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }
        var permission = policyName[PermissionEndpointExtensions.PolicyPrefix.Length..];
        var policy = new AuthorizationPolicyBuilder(SessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser();
        if (permission != Permissions.Authenticated)
        {
            // The requirement is its own handler (AuthorizationHandler<T> implements IAuthorizationHandler): the
            // default handler provider runs requirements that are handlers, so nothing else needs registering.
            policy.AddRequirements(new PermissionRequirement(permission));
        }
        return policy.Build();
    }
}
