using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;
using PenguinMails.Functions.Tests.Users;

namespace PenguinMails.Functions.Tests.Security;

/// <summary>
/// Changing a platform user's role is its own permission (users.change-role), on top of the endpoint's: PATCH
/// /api/users/{id} with a new role, and bulk change-role. Every role is checked, and so is a PATCH without a role.
/// </summary>
public sealed class UserRoleChangeMatrixTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    public static TheoryData<string> Roles() => new(RoleCatalog.Roles.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRole_ChangesAUsersRoleOnlyWithUsersChangeRole(string role)
    {
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var userId = (await UserTestData.CreateAsync(admin, tenant)).Id();
        var (client, _) = await TestStaff.SignInAsync(factory, role);
        var held = RoleCatalog.PermissionsOf([role]);

        var patch = await client.PatchAsJsonAsync($"/api/users/{userId}", new { role = "admin" });
        await AssertAsync(patch, held, Permissions.UsersManage);
        var bulk = await client.PostAsJsonAsync("/api/users/bulk",
            new { action = "change-role", userIds = new[] { userId }, parameters = new { role = "owner" }, reason = "matrix", dryRun = true });
        await AssertAsync(bulk, held, Permissions.UsersBulkEdit);

        var rename = await client.PatchAsJsonAsync($"/api/users/{userId}", new { displayName = "Renamed by " + role });
        Assert.Equal(held.Contains(Permissions.UsersManage) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, rename.StatusCode);
    }

    private static async Task AssertAsync(HttpResponseMessage response, IReadOnlySet<string> held, string endpointPermission)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!held.Contains(endpointPermission))
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden && body.Contains(SessionAuthenticationHandler.PermissionDeniedDetail), body);
        }
        else if (!held.Contains(Permissions.UsersChangeRole))
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            Assert.Contains(Permissions.UsersChangeRole, problem.GetProperty("detail").GetString());
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        }
    }
}
