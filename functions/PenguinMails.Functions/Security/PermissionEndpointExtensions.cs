using PenguinMails.Admin.Security;

namespace PenguinMails.Functions.Security;

public static class PermissionEndpointExtensions
{
    public const string PolicyPrefix = "permission:";

    /// <summary>Requires a valid session whose staff member holds <paramref name="permission"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        if (permission != Permissions.Authenticated && !Permissions.All.Contains(permission))
        {
            throw new InvalidOperationException($"'{permission}' is not in the permission catalog.");
        }
        builder.WithMetadata(new PermissionMetadata(permission));
        return builder.RequireAuthorization(PolicyPrefix + permission);
    }
}
