using Microsoft.AspNetCore.Authorization;

namespace PenguinMails.Functions.Security;

/// <summary>
/// The session's actor holds <see cref="Permission"/>: a set lookup on the <c>Actor</c> the session handler resolved,
/// rather than one claim per permission on every request's principal.
/// </summary>
public sealed class PermissionRequirement(string permission) : AuthorizationHandler<PermissionRequirement>, IAuthorizationRequirement
{
    public string Permission { get; } = permission;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.Resource is HttpContext http && http.FindActor() is { } actor && actor.Permissions.Contains(requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
