using Microsoft.AspNetCore.Authorization;

namespace PenguinMails.Functions.Security;

/// <summary>Deny by default: start-up fails if any /api endpoint declares neither a permission nor AllowAnonymous.</summary>
public sealed class EndpointPermissionCheck(EndpointDataSource endpoints) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Ensure(endpoints);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Ensure(EndpointDataSource endpoints)
    {
        var undeclared = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<PermissionMetadata>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.DisplayName)
            .ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException("These endpoints declare no permission: " + string.Join(", ", undeclared));
        }
    }
}
