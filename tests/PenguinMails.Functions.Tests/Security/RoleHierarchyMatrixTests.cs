using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Security;

/// <summary>
/// Every role × every target role × every staff action that changes roles or status: the endpoint's permission
/// applies first, then the hierarchy (nobody acts on a member who holds a role whose permissions they lack), except
/// emergency revocation by a security officer, which is the incident path.
/// </summary>
public sealed class RoleHierarchyMatrixTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    public sealed record StaffAction(string Name, string Permission, StaffStatus TargetStatus, Func<string, (string Path, object Body)> Request);

    private static readonly StaffAction[] Actions =
    [
        new("set roles", Permissions.StaffRoles, StaffStatus.Active, id => ($"/api/staff/{id}/roles", new { roles = Array.Empty<string>(), reason = "matrix" })),
        new("suspend", Permissions.StaffManage, StaffStatus.Active, id => ($"/api/staff/{id}/suspend", new { reason = "matrix" })),
        new("reactivate", Permissions.StaffManage, StaffStatus.Suspended, id => ($"/api/staff/{id}/reactivate", new { reason = "matrix" })),
        new("revoke sessions", Permissions.StaffSessionsRevoke, StaffStatus.Active, id => ($"/api/staff/{id}/sessions/revoke", new { reason = "matrix" })),
        new("offboard", Permissions.StaffOffboard, StaffStatus.Active, id => ($"/api/staff/{id}/offboard", new { reason = "matrix" })),
        new("emergency revoke", Permissions.StaffOffboard, StaffStatus.Active, id => ($"/api/staff/{id}/emergency-revoke", new { reason = "matrix" })),
    ];

    public static TheoryData<string> Roles() => new(RoleCatalog.Roles.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRole_ActsOnlyOnStaffItOutranks_ExceptTheIncidentPath(string actorRole)
    {
        // A bystander super-admin, so "the last active super-admin" never decides a cell of this matrix.
        await TestStaff.CreateAsync(factory, RoleCatalog.SuperAdmin);
        var (client, _) = await TestStaff.SignInAsync(factory, actorRole);
        var held = RoleCatalog.PermissionsOf([actorRole]);
        var failures = new List<string>();
        foreach (var action in Actions)
        {
            foreach (var targetRole in RoleCatalog.Roles.Select(r => r.Name))
            {
                var target = await CreateAsync(targetRole, action.TargetStatus);
                var (path, body) = action.Request(target.Id);
                var response = action.Name == "set roles" ? await client.PutAsJsonAsync(path, body) : await client.PostAsJsonAsync(path, body);
                var text = await response.Content.ReadAsStringAsync();
                var outranks = RoleCatalog.Find(targetRole)!.Permissions.All(held.Contains);
                var expected = !held.Contains(action.Permission) ? "403 permission"
                    : outranks || (action.Name == "emergency revoke" && actorRole == RoleCatalog.SecurityOfficer) ? "2xx"
                    : "403 role_hierarchy";
                var actual = response.IsSuccessStatusCode ? "2xx"
                    : response.StatusCode == HttpStatusCode.Forbidden && text.Contains(SessionAuthenticationHandler.PermissionDeniedDetail, StringComparison.Ordinal)
                        ? "403 permission"
                    : response.StatusCode == HttpStatusCode.Forbidden && text.Contains("\"role_hierarchy\"", StringComparison.Ordinal) ? "403 role_hierarchy"
                    : $"{(int)response.StatusCode} {text}";
                if (actual != expected)
                {
                    failures.Add($"{actorRole} → {action.Name} on {targetRole}: expected {expected}, got {actual}");
                }
            }
        }
        Assert.Empty(failures);
    }

    private async Task<StaffMember> CreateAsync(string role, StaffStatus status)
    {
        var id = SessionTokens.NewId();
        var member = new StaffMember(id, $"target-{id}@penguinmails.test", "Target " + id[..6], [role], status, SessionTokens.NewId(), DateTimeOffset.UtcNow, null);
        return (await factory.Services.GetRequiredService<IStaffStore>().CreateAsync(member)).Value;
    }
}
