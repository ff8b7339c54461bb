using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Security;

/// <summary>
/// Walks every registered /api endpoint × every role (and no token): 401 without a session, 403 without the
/// permission, and otherwise anything but 401/403/5xx. New endpoints are covered automatically.
/// </summary>
public sealed class EndpointRoleMatrixTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private const string FakeId = "matrix-missing-id";

    public sealed record Case(string Method, string Route, string? Permission, bool Anonymous);

    private List<Case> Cases()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => new Case(m, e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<PermissionMetadata>()?.Permission, e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .ToList();
    }

    [Fact]
    public void EveryEndpointDeclaresAPermissionOrIsExplicitlyAnonymous()
    {
        var cases = Cases();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.True(c.Permission is not null || c.Anonymous, $"{c.Method} {c.Route} declares nothing"));
        var anonymous = cases.Where(c => c.Anonymous).Select(c => c.Route).ToHashSet();
        Assert.Subset(new HashSet<string> { "/api/health", "/api/auth/google", "/api/auth/config", "/api/openapi.json", "/api/webhooks/stripe" }, anonymous);
    }

    [Fact]
    public async Task WithoutASession_EveryProtectedEndpointIs401()
    {
        var client = factory.CreateClient();
        foreach (var c in Cases().Where(c => !c.Anonymous))
        {
            var response = await client.SendAsync(Request(c));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{c.Method} {c.Route} without a token gave {(int)response.StatusCode}");
        }
    }

    public static TheoryData<string> Roles() => new(RoleCatalog.Roles.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRole_GetsExactlyWhatItsPermissionsAllow(string role)
    {
        var granted = RoleCatalog.PermissionsOf([role]);
        var member = await TestStaff.CreateAsync(factory, role);
        var failures = new List<string>();
        foreach (var c in Cases().Where(c => !c.Anonymous))
        {
            // A fresh session per call: some endpoints (logout) end the session they are called with.
            var client = TestStaff.ClientWithToken(factory, await TestStaff.SessionAsync(factory, member));
            var response = await client.SendAsync(Request(c));
            var allowed = c.Permission == Permissions.Authenticated || granted.Contains(c.Permission!);
            var deniedByPermission = response.StatusCode == HttpStatusCode.Forbidden
                && (await response.Content.ReadAsStringAsync()).Contains(SessionAuthenticationHandler.PermissionDeniedDetail, StringComparison.Ordinal);
            var ok = allowed
                ? response.StatusCode != HttpStatusCode.Unauthorized && !deniedByPermission && (int)response.StatusCode < 500
                : deniedByPermission;
            if (!ok)
            {
                failures.Add($"{role}: {c.Method} {c.Route} ({c.Permission}) gave {(int)response.StatusCode}, expected {(allowed ? "allowed" : "403")}");
            }
        }
        Assert.Empty(failures);
    }

    private static HttpRequestMessage Request(Case c)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(c.Route, "{[^}]+}", FakeId);
        var request = new HttpRequestMessage(new HttpMethod(c.Method), path);
        if (c.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return request;
    }
}
